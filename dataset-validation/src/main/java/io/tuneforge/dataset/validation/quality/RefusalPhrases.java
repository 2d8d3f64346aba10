package io.tuneforge.dataset.validation.quality;

import java.util.List;
import java.util.Locale;

/** Openings of assistant replies that decline the request. Only the start of a reply is checked: refusals lead. */
final class RefusalPhrases {

    private static final List<String> PHRASES = List.of(
            "i'm sorry, but", "i am sorry, but", "sorry, but i can", "i'm sorry, i can", "i cannot help", "i can't help",
            "i cannot assist", "i can't assist", "i'm not able to", "i am not able to", "i'm unable to", "i am unable to",
            "i won't be able to", "i cannot provide", "i can't provide", "i cannot comply", "i can't comply",
            "as an ai language model", "as an ai, i", "i must decline", "i'm afraid i can't", "i cannot fulfill", "i can't fulfill");
    private static final int HEAD = 160;

    private RefusalPhrases() {
    }

    static boolean isRefusal(String reply) {
        if (reply == null || reply.isEmpty()) {
            return false;
        }
        String head = reply.substring(0, Math.min(HEAD, reply.length())).toLowerCase(Locale.ROOT).replace('’', '\'');
        for (String phrase : PHRASES) {
            if (head.contains(phrase)) {
                return true;
            }
        }
        return false;
    }
}
