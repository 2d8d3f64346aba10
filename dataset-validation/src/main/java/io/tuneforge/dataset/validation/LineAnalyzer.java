package io.tuneforge.dataset.validation;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.dataset.validation.cookbook.CookbookExample;
import io.tuneforge.dataset.validation.cookbook.CookbookFormatCheck;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tuneforge.dataset.validation.format.CheckedExample;
import io.tuneforge.dataset.validation.format.DatasetKind;
import io.tuneforge.dataset.validation.format.ExampleCheck;
import io.tuneforge.dataset.validation.format.InvalidJsonException;
import io.tuneforge.dataset.validation.format.JsonLineParser;
import io.tuneforge.dataset.validation.format.LineContext;
import io.tuneforge.dataset.validation.input.RawLine;
import io.tuneforge.dataset.validation.input.Utf8Text;
import io.tuneforge.dataset.validation.pii.PiiScanner;
import io.tuneforge.dataset.validation.quality.QualitySignals;
import io.tuneforge.dataset.validation.report.FindingCode;
import io.tuneforge.dataset.validation.tokens.TokenCounter;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns one raw line into a {@link LineAnalysis}: syntax, structure, tokens, personal data, quality signals. Thread-safe. */
final class LineAnalyzer {

    private static final Pattern FRAGMENT_KEY = Pattern.compile("^\"([^\"\\\\]{1,64})\"\\s*:");

    private final ValidationOptions options;
    private final TokenCounter tokens;
    private final JsonLineParser json;
    private final PiiScanner pii;

    LineAnalyzer(ValidationOptions options) {
        this.options = options;
        this.tokens = new TokenCounter(options.encoding());
        this.json = new JsonLineParser(options.maxLineBytes());
        this.pii = options.scanPii() ? new PiiScanner(options.phoneRegion()) : null;
    }

    /** Never throws for bad data: a bug on one odd line becomes a finding, not a failed upload. */
    LineAnalysis analyze(RawLine raw) {
        try {
            return analyzeChecked(raw);
        } catch (RuntimeException | StackOverflowError e) {
            LineContext ctx = new LineContext(raw.number(), tokens, pii, json);
            ctx.report(FindingCode.VALIDATOR_FAILURE, "", "internal error: " + e);
            return unparsable(raw, ctx, null, null, false, false);
        }
    }

    private LineAnalysis analyzeChecked(RawLine raw) {
        LineContext ctx = new LineContext(raw.number(), tokens, pii, json);
        byte[] b = raw.bytes();
        switch (raw.ending()) {
            case CRLF -> ctx.report(FindingCode.CRLF_LINE_ENDING, "", "line ends with \\r\\n (Windows line ending)");
            case CR -> ctx.report(FindingCode.CR_LINE_ENDING, "", "line ends with a bare \\r");
            case END_OF_FILE -> ctx.report(FindingCode.MISSING_FINAL_NEWLINE, "", "last line has no terminating newline");
            default -> {
            }
        }
        if (raw.overLong()) {
            ctx.report(FindingCode.LINE_TOO_LONG, "", "line is " + raw.byteLength() + " bytes; the limit is "
                    + options.maxLineBytes() + " bytes, so it was not parsed");
            return unparsable(raw, ctx, null, null, false, false);
        }
        boolean hasNul = indexOfNul(b) >= 0;
        if (Utf8Text.isBlank(b, 0, b.length)) {
            ctx.report(FindingCode.BLANK_LINE, "", b.length == 0 ? "blank line" : "line holds only whitespace");
            return new LineAnalysis(raw.number(), LineKind.BLANK, raw.ending(), raw.byteLength(), ctx.findings(), null, null,
                    LineKind.BLANK, null, null, null, hasNul, false, null);
        }
        int start = 0;
        if (raw.startsWithBom()) {
            ctx.report(FindingCode.UTF8_BOM, "", "file starts with a UTF-8 byte order mark (BOM)");
            start = 3;
        }
        int invalidAt = Utf8Text.firstInvalidByte(b, start, b.length);
        JsonNode node;
        String decoded = null;
        try {
            if (invalidAt >= 0) {
                ctx.report(FindingCode.INVALID_UTF8, "", String.format("invalid UTF-8 byte 0x%02X at byte %d", b[invalidAt] & 0xff, invalidAt + 1));
                decoded = Utf8Text.decodeReplacing(b, start, b.length);
                node = json.parse(decoded);
            } else {
                node = json.parse(b, start, b.length - start);
            }
        } catch (InvalidJsonException e) {
            ctx.report(FindingCode.INVALID_JSON, "", "not valid JSON: " + e.getMessage() + (e.column() > 0 ? " (column " + e.column() + ")" : ""));
            if (decoded == null) {
                decoded = Utf8Text.decodeReplacing(b, start, b.length);
            }
            String trimmed = decoded.strip();
            String bracket = trimmed.equals("{") || trimmed.equals("[") ? trimmed : null;
            Matcher key = FRAGMENT_KEY.matcher(trimmed);
            return unparsable(raw, ctx, bracket, key.find() ? key.group(1) : null, hasNul, invalidAt >= 0);
        }

        // Full checks first: they scan each text once for tokens, special tokens and PII; the cookbook pass then
        // finds every count in the line's memo.
        CheckedExample checked = ExampleCheck.check(node, ctx);
        // The reference reads the BOM as part of the line, and JSON.parse rejects it.
        boolean cookbookParses = !raw.startsWithBom();
        CookbookExample cookbook = cookbookParses
                ? CookbookFormatCheck.check(node, ctx::countTokens)
                : null;
        QualitySignals quality = null;
        if (checked.conversation() != null) {
            if (checked.tokens() > options.maxTokensPerExample()) {
                ctx.report(FindingCode.EXAMPLE_TOO_LONG, "", "example has " + checked.tokens() + " tokens ("
                        + options.encoding().id() + "), over the limit of " + options.maxTokensPerExample());
            } else if (checked.tokens() > options.longExampleTokens()) {
                ctx.report(FindingCode.EXAMPLE_OVER_4K_TOKENS, "", "example has " + checked.tokens() + " tokens, over "
                        + options.longExampleTokens());
            }
            quality = QualitySignals.of(node, checked);
        }
        return new LineAnalysis(raw.number(), LineKind.EXAMPLE, raw.ending(), raw.byteLength(), ctx.findings(), null, null,
                cookbookParses ? LineKind.EXAMPLE : LineKind.UNPARSABLE, cookbook, checked.withoutContent(), quality, hasNul,
                invalidAt >= 0, normalized(node, checked));
    }

    private static LineAnalysis unparsable(RawLine raw, LineContext ctx, String bracket, String key, boolean nul, boolean invalidUtf8) {
        return new LineAnalysis(raw.number(), LineKind.UNPARSABLE, raw.ending(), raw.byteLength(), ctx.findings(), bracket, key,
                LineKind.UNPARSABLE, null, null, null, nul, invalidUtf8, null);
    }

    /** A preference example whose {@code input} was a bare message list, rewritten as {@code {"messages": [...]}}. */
    private static String normalized(JsonNode node, CheckedExample checked) {
        if (checked.kind() != DatasetKind.PREFERENCE || !node.path("input").isArray() || !(node instanceof ObjectNode object)) {
            return null;
        }
        ObjectNode copy = object.deepCopy();
        copy.putObject("input").set("messages", object.get("input"));
        return copy.toString();
    }

    private static int indexOfNul(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                return i;
            }
        }
        return -1;
    }
}
