package io.tuneforge.dataset.validation.format;

import io.tuneforge.dataset.validation.pii.PiiMatch;
import io.tuneforge.dataset.validation.pii.PiiScanner;
import io.tuneforge.dataset.validation.report.Finding;
import io.tuneforge.dataset.validation.report.FindingCode;
import io.tuneforge.dataset.validation.tokens.SpecialTokenText;
import io.tuneforge.dataset.validation.tokens.TokenCounter;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the checks of one line share: where findings go, and the token counter with a per-line memo so
 * that the cookbook-compatible pass and the full pass tokenize each string only once (the tokenizer is the
 * dominant cost of the whole validator).
 */
public final class LineContext {

    private static final int MAX_FINDINGS_PER_LINE = 200;

    private final long line;
    private final TokenCounter tokens;
    private final PiiScanner pii;
    private final JsonLineParser json;
    private final Map<String, Integer> tokenMemo = new IdentityHashMap<>();
    private List<Finding> findings;

    public LineContext(long line, TokenCounter tokens, PiiScanner pii, JsonLineParser json) {
        this.line = line;
        this.tokens = tokens;
        this.pii = pii;
        this.json = json;
    }

    public long line() {
        return line;
    }

    public JsonLineParser json() {
        return json;
    }

    public void report(FindingCode code, String path, String message) {
        if (findings == null) {
            findings = new ArrayList<>(4);
        }
        if (findings.size() < MAX_FINDINGS_PER_LINE) {
            findings.add(Finding.of(code, line, path, message));
        }
    }

    public void report(FindingCode code, String path, String message, String fixHint) {
        if (findings == null) {
            findings = new ArrayList<>(4);
        }
        if (findings.size() < MAX_FINDINGS_PER_LINE) {
            findings.add(Finding.of(code, line, path, message, fixHint));
        }
    }

    public List<Finding> findings() {
        return findings == null ? List.of() : findings;
    }

    /** Token count of a string, memoised by identity: Jackson hands out the same String object every time. */
    public int countTokens(String s) {
        Integer n = tokenMemo.get(s);
        if (n == null) {
            n = tokens.count(s);
            tokenMemo.put(s, n);
        }
        return n;
    }

    /** A piece of training text: counted, and checked for special-token text and personal data. */
    public int text(String path, String text) {
        String special = SpecialTokenText.firstIn(text);
        if (special != null) {
            report(FindingCode.SPECIAL_TOKEN_TEXT, path, "contains the special token text \"" + special + "\"");
        }
        // One copy of the chars serves both scans: array loops are much cheaper than String.charAt here.
        char[] chars = text.toCharArray();
        if (pii != null) {
            for (PiiMatch m : pii.scan(text, chars)) {
                report(m.kind().code(), path, "contains " + m.kind().description() + " (" + m.masked() + ")");
            }
        }
        Integer n = tokenMemo.get(text);
        if (n == null) {
            n = tokens.count(text, chars);
            tokenMemo.put(text, n);
        }
        return n;
    }
}
