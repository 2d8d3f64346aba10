package io.tuneforge.eval.judge;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a judge's reply. A reply that does not contain a clear verdict is no verdict (an abstention),
 * never a guess: a judge that cannot judge must not produce numbers that look like judgements.
 */
public final class JudgeVerdicts {

    private static final Pattern SCORE = Pattern.compile("(?<![\\d.])([1-5])(?![\\d.])");
    private static final Pattern CHOICE = Pattern.compile("^\\W*(?:answer\\s+)?(A|B|TIE)\\b", Pattern.CASE_INSENSITIVE);

    private JudgeVerdicts() {
    }

    /** The score when the reply holds exactly one standalone digit 1-5 (so "4/5" or "between 3 and 4" is ambiguous → empty). */
    public static Optional<Integer> score(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        Matcher m = SCORE.matcher(reply.replaceAll("(?i)/\\s*5|out of 5", ""));
        Integer found = null;
        while (m.find()) {
            if (found != null && found != Integer.parseInt(m.group(1))) {
                return Optional.empty();
            }
            found = Integer.parseInt(m.group(1));
        }
        return Optional.ofNullable(found);
    }

    /** {@code A}, {@code B} or {@code TIE} at the start of the reply; anything else is no verdict. */
    public static Optional<String> choice(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        Matcher m = CHOICE.matcher(reply.trim());
        return m.find() ? Optional.of(m.group(1).toUpperCase()) : Optional.empty();
    }
}
