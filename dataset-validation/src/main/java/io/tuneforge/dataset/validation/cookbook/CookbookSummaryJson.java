package io.tuneforge.dataset.validation.cookbook;

import io.tuneforge.dataset.validation.tokens.Distribution;
import java.util.Map;

/**
 * Writes a {@link CookbookSummary} as the reference does ({@code JSON.stringify(summary, null, 2)}), so that
 * the benchmark can compare the two outputs as text.
 */
public final class CookbookSummaryJson {

    private CookbookSummaryJson() {
    }

    public static String write(CookbookSummary s) {
        Out o = new Out();
        o.open();
        o.field("file", str(s.file()));
        o.field("bytes", Long.toString(s.bytes()));
        o.field("tokenizer", str(s.tokenizer()));
        o.field("encoding", str(s.encoding()));
        o.field("lines", Long.toString(s.lines()));
        o.field("blank_lines", Long.toString(s.blankLines()));
        o.field("json_parse_errors", Long.toString(s.jsonParseErrors()));
        o.field("examples", Long.toString(s.examples()));
        o.object("format_errors");
        for (Map.Entry<String, Long> e : s.formatErrors().entrySet()) {
            o.field(e.getKey(), Long.toString(e.getValue()));
        }
        o.close();
        o.field("examples_with_format_errors", Long.toString(s.examplesWithFormatErrors()));
        o.field("examples_tokenized", Long.toString(s.examplesTokenized()));
        o.field("n_missing_system", Long.toString(s.missingSystem()));
        o.field("n_missing_user", Long.toString(s.missingUser()));
        o.field("total_tokens", Long.toString(s.totalTokens()));
        o.field("assistant_tokens", Long.toString(s.assistantTokens()));
        o.field("max_tokens_per_example", Integer.toString(s.maxTokensPerExample()));
        o.field("n_over_limit", Long.toString(s.overLimit()));
        distribution(o, "messages_per_example", s.messagesPerExample());
        distribution(o, "tokens_per_example", s.tokensPerExample());
        distribution(o, "assistant_tokens_per_example", s.assistantTokensPerExample());
        o.field("n_epochs", s.epochs() == null ? "null" : Integer.toString(s.epochs()));
        o.field("billing_tokens_in_dataset", Long.toString(s.billingTokensInDataset()));
        o.field("billing_tokens_total", s.billingTokensTotal() == null ? "null" : Long.toString(s.billingTokensTotal()));
        o.close();
        return o.text();
    }

    private static void distribution(Out o, String name, Distribution d) {
        o.object(name);
        o.field("min", num(d.min()));
        o.field("max", num(d.max()));
        o.field("mean", num(d.mean()));
        o.field("p10", num(d.p10()));
        o.field("p50", num(d.p50()));
        o.field("p90", num(d.p90()));
        o.close();
    }

    private static String num(Double d) {
        return d == null ? "null" : JsNumber.format(d);
    }

    /** JSON.stringify string escaping (well-formed: a lone surrogate is written as a \\u escape with its four hex digits, e.g. \\ud83d). */
    static String str(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    boolean lone = Character.isSurrogate(c) && !(Character.isHighSurrogate(c) && i + 1 < s.length()
                            && Character.isLowSurrogate(s.charAt(i + 1)));
                    if (c < 0x20 || lone) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else if (Character.isHighSurrogate(c)) {
                        b.append(c).append(s.charAt(++i));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    /** Two-space indented writer with JSON.stringify's layout. */
    private static final class Out {
        private final StringBuilder b = new StringBuilder();
        private int depth;
        private boolean first = true;

        void open() {
            b.append('{');
            depth++;
            first = true;
        }

        void object(String name) {
            key(name);
            b.append('{');
            depth++;
            first = true;
        }

        void field(String name, String rawValue) {
            key(name);
            b.append(rawValue);
        }

        void close() {
            depth--;
            b.append('\n').append("  ".repeat(depth)).append('}');
            first = false;
        }

        private void key(String name) {
            if (!first) {
                b.append(',');
            }
            b.append('\n').append("  ".repeat(depth)).append(str(name)).append(": ");
            first = false;
        }

        String text() {
            return b.toString();
        }
    }
}
