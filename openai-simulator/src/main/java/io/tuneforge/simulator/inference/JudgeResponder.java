package io.tuneforge.simulator.inference;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tuneforge.simulator.learning.ChatMessage;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers LLM-as-judge requests from their content, so an evaluation run against the simulator gets
 * verdicts that mean something (a real judge model is not available offline, and a coin flip would make
 * every judge-based number noise).
 *
 * <p>The convention (documented in the README, used by eval-service's judge prompts): the request asks
 * for {@code response_format} {@code json_schema} named {@value #SCORE} or {@value #PAIRWISE}, and the
 * last user message holds the texts in tags: {@code <reference>}, and {@code <answer>} (score) or
 * {@code <answer_a>} and {@code <answer_b>} (pairwise). The verdict is the closeness to the reference:
 * normalized exact match (case, whitespace, surrounding quotes, final punctuation), else token F1
 * (SQuAD's definition on lower-cased word tokens). The rubric is not understood: the simulator knows
 * only "close to the reference".
 */
final class JudgeResponder {

    static final String SCORE = "tuneforge_judge_score";
    static final String PAIRWISE = "tuneforge_pairwise";

    private static final Pattern TOKEN = Pattern.compile("[\\p{L}\\p{N}]+");

    private final ObjectMapper json;

    JudgeResponder(ObjectMapper json) {
        this.json = json;
    }

    /** The judge's JSON reply when the request is a judge request by the convention above; empty otherwise. */
    Optional<String> reply(JsonNode responseFormat, List<ChatMessage> messages) {
        if (!"json_schema".equals(responseFormat.path("type").asText())) {
            return Optional.empty();
        }
        String name = responseFormat.path("json_schema").path("name").asText("");
        String user = BaseModelResponder.lastUserText(messages);
        Optional<String> reference = tagged(user, "reference");
        if (reference.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode verdict = json.createObjectNode();
        if (name.equals(SCORE)) {
            Optional<String> answer = tagged(user, "answer");
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            double closeness = closeness(answer.get(), reference.get());
            verdict.put("score", score(closeness));
            verdict.put("reason", reason("The answer", closeness));
            return Optional.of(verdict.toString());
        }
        if (name.equals(PAIRWISE)) {
            Optional<String> a = tagged(user, "answer_a");
            Optional<String> b = tagged(user, "answer_b");
            if (a.isEmpty() || b.isEmpty()) {
                return Optional.empty();
            }
            double ca = closeness(a.get(), reference.get());
            double cb = closeness(b.get(), reference.get());
            // Equal closeness is a tie: position never decides.
            verdict.put("winner", Math.abs(ca - cb) < 1e-9 ? "TIE" : ca > cb ? "A" : "B");
            verdict.put("reason", reason("Answer A", ca) + " " + reason("Answer B", cb));
            return Optional.of(verdict.toString());
        }
        return Optional.empty();
    }

    /** 1.0 for a normalized exact match, else token F1 in [0, 1). */
    static double closeness(String answer, String reference) {
        if (normalize(answer).equals(normalize(reference))) {
            return 1.0;
        }
        return Math.min(0.99, tokenF1(answer, reference));
    }

    /** 5 for a match; then by token F1: ≥ 0.75 → 4, ≥ 0.5 → 3, ≥ 0.25 → 2, else 1. */
    static int score(double closeness) {
        if (closeness >= 1.0) {
            return 5;
        }
        return closeness >= 0.75 ? 4 : closeness >= 0.5 ? 3 : closeness >= 0.25 ? 2 : 1;
    }

    static double tokenF1(String answer, String reference) {
        List<String> a = tokens(answer);
        List<String> r = tokens(reference);
        if (a.isEmpty() || r.isEmpty()) {
            return 0;
        }
        Map<String, Integer> counts = new HashMap<>();
        r.forEach(t -> counts.merge(t, 1, Integer::sum));
        int common = 0;
        for (String t : a) {
            Integer left = counts.get(t);
            if (left != null && left > 0) {
                common++;
                counts.put(t, left - 1);
            }
        }
        if (common == 0) {
            return 0;
        }
        double precision = (double) common / a.size();
        double recall = (double) common / r.size();
        return 2 * precision * recall / (precision + recall);
    }

    static String normalize(String text) {
        String s = Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFKC).trim().toLowerCase(Locale.ROOT)
                .replaceAll("\\s+", " ");
        s = s.replaceAll("^[\"'`]+|[\"'`]+$", "").trim();
        return s.replaceAll("[.!?;:,]+$", "").trim();
    }

    private static List<String> tokens(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher m = TOKEN.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    /** The text between {@code <tag>} and the last {@code </tag>}, so an answer quoting a tag does not cut itself short. */
    static Optional<String> tagged(String text, String tag) {
        String open = "<" + tag + ">";
        String close = "</" + tag + ">";
        int start = text.indexOf(open);
        int end = text.lastIndexOf(close);
        if (start < 0 || end < start + open.length()) {
            return Optional.empty();
        }
        return Optional.of(text.substring(start + open.length(), end).strip());
    }

    private static String reason(String what, double closeness) {
        return closeness >= 1.0 ? what + " matches the reference."
                : String.format(Locale.ROOT, "%s shares %.0f%% of its words with the reference (token F1).", what, closeness * 100);
    }
}
