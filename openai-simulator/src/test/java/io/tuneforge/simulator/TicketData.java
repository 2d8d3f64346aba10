package io.tuneforge.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/** A generated support-ticket classification set: each category has its own words, so labels are learnable. */
final class TicketData {

    record Ticket(String text, String label) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, List<String>> WORDS = Map.of(
            "billing", List.of("invoice", "charged", "refund", "payment", "card", "subscription", "receipt", "price"),
            "shipping", List.of("parcel", "delivery", "courier", "tracking", "arrived", "package", "shipment", "address"),
            "account", List.of("password", "login", "username", "locked", "email", "profile", "verification", "signin"),
            "technical", List.of("crash", "error", "bug", "freezes", "install", "update", "screen", "loading"));
    private static final List<String> FILLER = List.of("today", "again", "please", "urgent", "yesterday", "since", "still", "help",
            "morning", "really", "now", "week");
    static final List<String> LABELS = List.of("billing", "shipping", "account", "technical");

    private TicketData() {}

    static List<Ticket> generate(int count, long seed) {
        Random random = new Random(seed);
        List<Ticket> tickets = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String label = LABELS.get(i % LABELS.size());
            List<String> words = WORDS.get(label);
            String text = "Hi, " + FILLER.get(random.nextInt(FILLER.size())) + " my " + words.get(random.nextInt(words.size()))
                    + " problem: the " + words.get(random.nextInt(words.size())) + " is wrong " + FILLER.get(random.nextInt(FILLER.size()))
                    + " (ticket " + (1000 + random.nextInt(9000)) + ")";
            tickets.add(new Ticket(text, label));
        }
        return tickets;
    }

    /** The same tickets with labels shuffled among them: contradictory, unlearnable data. */
    static List<Ticket> contradictory(List<Ticket> tickets, long seed) {
        Random random = new Random(seed);
        List<Ticket> noisy = new ArrayList<>();
        for (Ticket t : tickets) {
            noisy.add(new Ticket(t.text(), LABELS.get(random.nextInt(LABELS.size()))));
        }
        return noisy;
    }

    static final String SYSTEM = "Classify the support ticket into one category.";

    static String jsonl(List<Ticket> tickets) {
        StringBuilder out = new StringBuilder();
        for (Ticket t : tickets) {
            out.append(line(SYSTEM, t.text(), t.label())).append('\n');
        }
        return out.toString();
    }

    static String line(String system, String user, String assistant) {
        ObjectNode row = JSON.createObjectNode();
        ArrayNode messages = row.putArray("messages");
        messages.addObject().put("role", "system").put("content", system);
        messages.addObject().put("role", "user").put("content", user);
        messages.addObject().put("role", "assistant").put("content", assistant);
        return row.toString();
    }
}
