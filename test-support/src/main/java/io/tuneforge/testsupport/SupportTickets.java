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
            List<String> words = WORDS.get(label);
            String text = "Hi, my " + words.get(random.nextInt(words.size())) + " problem: the "
                    + words.get(random.nextInt(words.size())) + " is wrong (ticket " + (1000 + random.nextInt(9000)) + ")";
            String answer = contradictoryLabels ? LABELS.get(random.nextInt(LABELS.size())) : label;
            out.append(chatLine(SYSTEM, text, answer)).append('\n');
        }
        return out.toString();
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
