package io.tuneforge.testsupport;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Labelled support tickets as chat fine-tuning JSONL, the test data of training and evaluation: the
 * category shows in each ticket's words, so a model that learns from the data can get it right and a
 * generic one cannot. Deterministic for a seed.
 */
public final class SupportTickets {

    public static final List<String> LABELS = List.of("billing", "shipping", "account", "technical");
    public static final String SYSTEM = "Classify the support ticket into one category.";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<String>> WORDS = Map.of(
            "billing", List.of("invoice", "charged", "refund", "payment", "card", "subscription", "receipt", "price"),
            "shipping", List.of("parcel", "delivery", "courier", "tracking", "arrived", "package", "shipment", "address"),
            "account", List.of("password", "login", "username", "locked", "email", "profile", "verification", "signin"),
            "technical", List.of("crash", "error", "bug", "freezes", "install", "update", "screen", "loading"));

    private SupportTickets() {
    }

    /**
     * {@code count} tickets, labels in rotation; with {@code contradictoryLabels} each answer is a
     * random label instead, so the data teaches nothing consistent.
     */
    public static String jsonl(int count, long seed, boolean contradictoryLabels) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String label = LABELS.get(i % LABELS.size());
            String text = ticket(label, random);
            String answer = contradictoryLabels ? LABELS.get(random.nextInt(LABELS.size())) : label;
            out.append(chatLine(SYSTEM, text, answer)).append('\n');
        }
        return out.toString();
    }

    /**
     * The same tickets as {@link #jsonl} (same seed, same texts) as preference (DPO) pairs: the right
     * label preferred over another one, the wrong labels in rotation.
     */
    public static String preferenceJsonl(int count, long seed) {
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < count; i++) {
            String label = LABELS.get(i % LABELS.size());
            String wrong = LABELS.get((i % LABELS.size() + 1 + i % (LABELS.size() - 1)) % LABELS.size());
            out.append(preferenceLine(SYSTEM, ticket(label, random), label, wrong)).append('\n');
        }
        return out.toString();
    }

    /** One preference example: system and user as input, one preferred and one non-preferred assistant answer. */
    public static String preferenceLine(String system, String user, String preferred, String rejected) {
        return "{\"input\":{\"messages\":[{\"role\":\"system\",\"content\":" + quote(system) + "},{\"role\":\"user\",\"content\":"
                + quote(user) + "}]},\"preferred_output\":[{\"role\":\"assistant\",\"content\":" + quote(preferred)
                + "}],\"non_preferred_output\":[{\"role\":\"assistant\",\"content\":" + quote(rejected) + "}]}";
    }

    /** A ticket whose words give its category away. */
    public static String ticket(String label, Random random) {
        List<String> words = WORDS.get(label);
        return "Hi, my " + words.get(random.nextInt(words.size())) + " problem: the "
                + words.get(random.nextInt(words.size())) + " is wrong (ticket " + (1000 + random.nextInt(9000)) + ")";
    }

    /** One supervised example: system, user, assistant. */
    public static String chatLine(String system, String user, String assistant) {
        return "{\"messages\":[{\"role\":\"system\",\"content\":" + quote(system) + "},{\"role\":\"user\",\"content\":"
                + quote(user) + "},{\"role\":\"assistant\",\"content\":" + quote(assistant) + "}]}";
    }

    private static String quote(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a string always serializes", e);
        }
    }
}
