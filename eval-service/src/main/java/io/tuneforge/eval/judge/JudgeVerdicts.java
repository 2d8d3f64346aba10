package io.tuneforge.eval.judge;

import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a judge's reply: the structured JSON the judge prompts ask for ({@code {"score": n}},
 * {@code {"winner": "A"}}), else a plain-text reply. A reply that does not contain a clear verdict is no
 * verdict (an abstention), never a guess: a judge that cannot judge must not produce numbers that look
 * like judgements.
 */
public final class JudgeVerdicts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SCORE = Pattern.compile("(?<![\\d.])([1-5])(?![\\d.])");
    private static final Pattern CHOICE = Pattern.compile("^\\W*(?:answer\\s+)?(A|B|TIE)\\b", Pattern.CASE_INSENSITIVE);

    private JudgeVerdicts() {
    }

    /** The score when the reply is {@code {"score": 1-5}}, or holds exactly one standalone digit 1-5 ("4/5" counts, "between 3 and 4" does not). */
    public static Optional<Integer> score(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        Optional<JsonNode> structured = object(reply);
        if (structured.isPresent()) {
            JsonNode score = structured.get().get("score");
            return score != null && score.isInt() && score.asInt() >= 1 && score.asInt() <= 5
                    ? Optional.of(score.asInt()) : Optional.empty();
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

    /** {@code A}, {@code B} or {@code TIE}: the reply's {@code winner}, or its first word; anything else is no verdict. */
    public static Optional<String> choice(String reply) {
        if (reply == null) {
            return Optional.empty();
        }
        Optional<JsonNode> structured = object(reply);
        if (structured.isPresent()) {
            String winner = structured.get().path("winner").asText("").trim().toUpperCase(Locale.ROOT);
            return winner.equals("A") || winner.equals("B") || winner.equals("TIE") ? Optional.of(winner) : Optional.empty();
        }
        Matcher m = CHOICE.matcher(reply.trim());
        return m.find() ? Optional.of(m.group(1).toUpperCase(Locale.ROOT)) : Optional.empty();
    }

    private static Optional<JsonNode> object(String reply) {
        String trimmed = reply.trim();
        if (!trimmed.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(trimmed);
            return node != null && node.isObject() ? Optional.of(node) : Optional.empty();
        } catch (Exception e) {
            return Optional.empty();
        }
    }
}
