package io.tuneforge.cli.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The demo's own data: support tickets of a fictional online shop, each labelled with one of five
 * categories, as chat-format SFT examples. Generated from templates with a fixed seed, so every run
 * uploads the same bytes (and the same split), and no outside data is needed.
 */
public final class SupportTicketSample {

    public static final String SYSTEM_PROMPT = "You route customer support tickets. Answer with exactly one category:"
            + " billing, technical_issue, account_access, shipping or feature_request.";
    public static final int PER_CATEGORY = 24;
    private static final long SEED = 20_240_611L;

    private static final Map<String, List<String>> TEMPLATES = new LinkedHashMap<>();

    static {
        TEMPLATES.put("billing", List.of(
                "I was charged {amount} twice for order {order}. Please refund the duplicate.",
                "My invoice for {month} shows {amount} but my plan costs less. Why?",
                "The {product} subscription renewed without notice and took {amount} from my card.",
                "Can I get a VAT invoice for order {order}? The one I got has no company name.",
                "My refund of {amount} for the returned {product} has not arrived after two weeks.",
                "Why is there a {amount} fee on my statement from your shop in {month}?"));
        TEMPLATES.put("technical_issue", List.of(
                "The {product} app crashes every time I open the settings page on my {device}.",
                "Since the update in {month} the {product} will not sync with my {device}.",
                "Your website shows error 500 when I try to check out order {order}.",
                "The {product} firmware update stops at 80% and then the device restarts.",
                "Pages load forever on my {device}; the {product} dashboard never finishes loading.",
                "Bluetooth pairing between the {product} and my {device} fails with code E{code}."));
        TEMPLATES.put("account_access", List.of(
                "I cannot log in on my {device}: the password reset link expires before I can click it.",
                "My account got locked after a login from {city} that was not me.",
                "The two-factor code never arrives on my {device}, so I cannot sign in.",
                "I changed my email in {month} and now I cannot access my order {order}.",
                "Please delete my account and all data linked to order {order}.",
                "Someone changed the password of my account; I still have order {order} pending."));
        TEMPLATES.put("shipping", List.of(
                "Order {order} says delivered but nothing arrived at my address in {city}.",
                "My {product} arrived with a cracked case. Order {order}.",
                "How long does shipping to {city} take? Order {order} has not moved for {days} days.",
                "The courier left order {order} with a neighbour I do not know in {city}.",
                "Can I change the delivery address of order {order} to {city}?",
                "Tracking for order {order} has been stuck in the sorting centre for {days} days."));
        TEMPLATES.put("feature_request", List.of(
                "Please add a dark mode to the {product} app on the {device}.",
                "It would be great if the {product} could export data as CSV.",
                "Could you support paying in instalments for orders above {amount}?",
                "I would love a widget for the {product} on my {device} home screen.",
                "Please let me schedule deliveries to {city} on weekends.",
                "Can the {product} get a family plan so we can share it between {days} people?"));
    }

    private static final List<String> PRODUCTS = List.of("SmartScale", "AirPurifier X2", "KettlePro", "FitBand 3",
            "HomeHub", "Photo Cloud", "SoundBar Mini", "e-reader Lumo");
    private static final List<String> DEVICES = List.of("iPhone 13", "Pixel 8", "Galaxy S22", "iPad", "Windows laptop",
            "MacBook");
    private static final List<String> CITIES = List.of("Lisbon", "Leeds", "Lyon", "Graz", "Porto", "Ghent", "Turin");
    private static final List<String> MONTHS = List.of("January", "March", "May", "July", "September", "November");

    private final ObjectMapper json = new ObjectMapper();

    /** 120 examples, 24 per category, interleaved so every stretch of the file mixes categories. */
    public SampleUpload clean() {
        Random random = new Random(SEED);
        Map<String, List<String>> byCategory = new LinkedHashMap<>();
        Set<String> seen = new LinkedHashSet<>();
        for (Map.Entry<String, List<String>> entry : TEMPLATES.entrySet()) {
            List<String> tickets = new ArrayList<>();
            int attempt = 0;
            while (tickets.size() < PER_CATEGORY) {
                if (attempt > 10_000) {
                    throw new IllegalStateException("the " + entry.getKey() + " templates cannot make "
                            + PER_CATEGORY + " distinct tickets; add templates or fillers");
                }
                String template = entry.getValue().get(attempt++ % entry.getValue().size());
                String ticket = fill(template, random);
                if (seen.add(ticket)) {
                    tickets.add(ticket);
                }
            }
            byCategory.put(entry.getKey(), tickets);
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < PER_CATEGORY; i++) {
            for (Map.Entry<String, List<String>> entry : byCategory.entrySet()) {
                lines.add(example(entry.getValue().get(i), entry.getKey()));
            }
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        byCategory.forEach((category, tickets) -> counts.put(category, tickets.size()));
        return new SampleUpload(List.copyOf(lines), counts, List.of());
    }

    /**
     * The clean sample with three lines broken the way real exports break: a line cut off mid-JSON,
     * an example whose assistant reply was lost, and a message without its role.
     */
    public SampleUpload withDefects() {
        SampleUpload clean = clean();
        List<String> lines = new ArrayList<>(clean.lines());
        List<PlantedDefect> defects = List.of(
                new PlantedDefect(17, "invalid_json", "line cut off in the middle of the JSON"),
                new PlantedDefect(42, "example_missing_assistant_message", "the assistant reply is missing"),
                new PlantedDefect(88, "message_missing_key", "the user message has no role"));
        String cut = lines.get(16);
        lines.set(16, cut.substring(0, cut.length() / 2));
        lines.set(41, withoutAssistant(lines.get(41)));
        lines.set(87, withoutUserRole(lines.get(87)));
        return new SampleUpload(List.copyOf(lines), clean.countsByCategory(), defects);
    }

    private static String fill(String template, Random random) {
        return template
                .replace("{amount}", String.format(Locale.ROOT, "EUR %d.%02d", 5 + random.nextInt(295), random.nextInt(100)))
                .replace("{order}", "#" + (100_000 + random.nextInt(900_000)))
                .replace("{product}", pick(PRODUCTS, random))
                .replace("{device}", pick(DEVICES, random))
                .replace("{city}", pick(CITIES, random))
                .replace("{month}", pick(MONTHS, random))
                .replace("{days}", Integer.toString(3 + random.nextInt(12)))
                .replace("{code}", Integer.toString(100 + random.nextInt(900)));
    }

    private static String pick(List<String> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private String example(String ticket, String category) {
        ObjectNode root = json.createObjectNode();
        ArrayNode messages = root.putArray("messages");
        messages.addObject().put("role", "system").put("content", SYSTEM_PROMPT);
        messages.addObject().put("role", "user").put("content", ticket);
        messages.addObject().put("role", "assistant").put("content", category);
        return write(root);
    }

    private String withoutAssistant(String line) {
        ObjectNode root = read(line);
        ((ArrayNode) root.get("messages")).remove(2);
        return write(root);
    }

    private String withoutUserRole(String line) {
        ObjectNode root = read(line);
        ((ObjectNode) root.get("messages").get(1)).remove("role");
        return write(root);
    }

    private ObjectNode read(String line) {
        try {
            return (ObjectNode) json.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("generated lines are valid JSON", e);
        }
    }

    private String write(ObjectNode node) {
        try {
            return json.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tree of strings always serializes", e);
        }
    }
}
