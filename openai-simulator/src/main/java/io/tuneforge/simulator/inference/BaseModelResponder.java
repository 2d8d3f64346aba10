package io.tuneforge.simulator.inference;

import io.tuneforge.simulator.learning.ChatMessage;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How an un-tuned base model answers: sensibly but generically, and always the same way for the same
 * prompt. It does simple arithmetic, greets back, summarises tool results, and otherwise gives a general
 * answer built around the prompt's salient words; larger models say a little more. It knows nothing of
 * any training data, which is what makes a fine-tuned model's difference measurable.
 */
public final class BaseModelResponder {

    private static final Pattern ARITHMETIC = Pattern.compile("(-?\\d+(?:\\.\\d+)?)\\s*([+\\-*/x×÷])\\s*(-?\\d+(?:\\.\\d+)?)");
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\p{N}_'-]{2,}");
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "that", "this", "what", "which", "from", "have",
            "has", "are", "was", "were", "you", "your", "how", "many", "much", "does", "did", "can", "could", "would", "should", "will",
            "about", "into", "there", "their", "they", "them", "then", "than", "when", "where", "who", "whom", "why", "following",
            "given", "answer", "question", "please", "write", "use", "using", "each", "all", "any", "some", "not", "but", "its",
            "it's", "also", "just", "our", "out", "his", "her", "she", "him", "had", "been", "being", "a", "an", "of", "to", "in",
            "is", "on", "be", "as", "by", "or", "at", "if", "we", "my", "me", "so", "do", "no", "up", "per", "let", "tell", "give",
            "assistant", "helpful", "user", "reply", "accurately", "possible", "describe", "explain", "show", "make", "good");
    private static final List<String> CLOSINGS = List.of(
            "In general, the answer depends on the specifics of %s.",
            "A good approach is to clarify the goal first and then work through %s step by step.",
            "It helps to check the details of %s against the constraints you have.",
            "If you can share more context about %s, I can give a more specific answer.",
            "Common pitfalls usually come from overlooking how %s interacts with the rest of the problem.");

    private BaseModelResponder() {}

    public static String answer(List<ChatMessage> messages, BaseModel model) {
        ChatMessage last = messages.isEmpty() ? new ChatMessage("user", "", null) : messages.get(messages.size() - 1);
        if (last.role().equals("tool") || last.role().equals("function")) {
            return "Here is what the tool returned: " + abbreviate(last.content(), 400);
        }
        String prompt = lastUserText(messages);
        String lower = prompt.toLowerCase(Locale.ROOT).trim();
        if (lower.matches("^(hi|hello|hey|good (morning|afternoon|evening))\\b.*") && lower.length() < 40) {
            return "Hello! How can I help you today?";
        }
        Matcher m = ARITHMETIC.matcher(prompt);
        if (m.find()) {
            String result = compute(m.group(1), m.group(2), m.group(3));
            if (result != null) {
                return m.group(1) + " " + m.group(2) + " " + m.group(3) + " = " + result + ".";
            }
        }
        List<String> topics = salientWords(prompt, 3);
        if (topics.isEmpty()) {
            return "I'm not sure what you are asking. Could you tell me more about what you need?";
        }
        String topic = join(topics);
        StringBuilder answer = new StringBuilder("Here is a general answer about " + topic + ".");
        int start = Math.floorMod(prompt.hashCode(), CLOSINGS.size());
        for (int i = 0; i < model.answerSentences(); i++) {
            String subject = topics.get(i % topics.size());
            answer.append(' ').append(String.format(CLOSINGS.get((start + i) % CLOSINGS.size()), subject));
        }
        return answer.toString();
    }

    static String lastUserText(List<ChatMessage> messages) {
        for (int i = messages.size() - 1; i >= 0; i--) {
            if (messages.get(i).role().equals("user")) {
                return messages.get(i).content();
            }
        }
        return messages.isEmpty() ? "" : messages.get(messages.size() - 1).content();
    }

    /** The prompt's most telling words: long, non-stop-words, frequent first, in order of appearance. */
    static List<String> salientWords(String text, int limit) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (!STOP_WORDS.contains(w)) {
                counts.merge(w, 1, Integer::sum);
            }
        }
        List<Map.Entry<String, Integer>> ranked = new ArrayList<>(counts.entrySet());
        ranked.sort((a, b) -> b.getValue() != a.getValue().intValue() ? b.getValue() - a.getValue() : b.getKey().length() - a.getKey().length());
        List<String> words = new ArrayList<>();
        for (Map.Entry<String, Integer> e : ranked) {
            if (words.size() == limit) {
                break;
            }
            words.add(e.getKey());
        }
        return words;
    }

    private static String compute(String a, String op, String b) {
        try {
            BigDecimal x = new BigDecimal(a);
            BigDecimal y = new BigDecimal(b);
            BigDecimal r = switch (op) {
                case "+" -> x.add(y);
                case "-" -> x.subtract(y);
                case "*", "x", "×" -> x.multiply(y);
                case "/", "÷" -> y.signum() == 0 ? null : x.divide(y, MathContext.DECIMAL64);
                default -> null;
            };
            return r == null ? null : r.stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String join(List<String> words) {
        if (words.size() == 1) {
            return words.get(0);
        }
        return String.join(", ", words.subList(0, words.size() - 1)) + " and " + words.get(words.size() - 1);
    }

    static String abbreviate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max) + "…";
    }
}
