package io.tuneforge.dataset.feedback;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tuneforge.dataset.validation.pii.PiiRedactor;
import io.tuneforge.events.feedback.FeedbackExchange;
import jakarta.enterprise.context.ApplicationScoped;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The shapes of a feedback pair: the input of an exchange, its served answer, the user's correction, the preference
 * JSONL line OpenAI's DPO format expects, the canonical key two inputs are compared on, and PII redaction with the
 * engine's {@link PiiRedactor} (message text only, so the line's structure is unchanged).
 */
@ApplicationScoped
public class PreferencePairs {

    /** Plain Jackson: the event's maps keep their wire keys, and the line is written compactly. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PiiRedactor redactor = new PiiRedactor();

    /** {"messages": [...], "tools": [...]} as the caller sent them; tools only when the request had some. */
    public ObjectNode input(FeedbackExchange exchange) {
        ObjectNode input = JSON.createObjectNode();
        input.set("messages", JSON.valueToTree(exchange.messages()));
        if (exchange.tools() != null && !exchange.tools().isEmpty()) {
            input.set("tools", JSON.valueToTree(exchange.tools()));
        }
        return input;
    }

    /**
     * SHA-256 of the input's canonical form: object keys sorted, null members and an empty tools list dropped, so the
     * same prompt sent by two clients that serialize differently is the same input. Computed before redaction: two
     * prompts that differ only in personal data are different inputs.
     */
    public String inputKey(FeedbackExchange exchange) {
        Map<String, Object> input = new TreeMap<>();
        input.put("messages", canonical(exchange.messages()));
        if (exchange.tools() != null && !exchange.tools().isEmpty()) {
            input.put("tools", canonical(exchange.tools()));
        }
        try {
            byte[] bytes = JSON.writeValueAsBytes(input);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("plain maps and lists always serialize and SHA-256 always exists", e);
        }
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> {
                if (v != null) {
                    sorted.put(String.valueOf(k), canonical(v));
                }
            });
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> items = new ArrayList<>(list.size());
            list.forEach(v -> items.add(canonical(v)));
            return items;
        }
        return value;
    }

    /**
     * The served assistant message with only what a DPO output may hold (role, content, tool_calls); null when it has
     * neither text nor tool calls, which no pair can be made of.
     */
    public ObjectNode served(Map<String, Object> output) {
        if (output == null) {
            return null;
        }
        Object content = output.get("content");
        Object toolCalls = output.get("tool_calls");
        boolean hasText = !textOf(content).isBlank();
        boolean hasCalls = toolCalls instanceof List<?> calls && !calls.isEmpty();
        if (!hasText && !hasCalls) {
            return null;
        }
        ObjectNode message = JSON.createObjectNode();
        message.put("role", "assistant");
        if (hasText) {
            message.set("content", JSON.valueToTree(content));
        }
        if (hasCalls) {
            message.set("tool_calls", JSON.valueToTree(toolCalls));
        }
        return message;
    }

    /** The assistant message the user said the answer should have been. */
    public ObjectNode corrected(String text) {
        ObjectNode message = JSON.createObjectNode();
        message.put("role", "assistant");
        message.put("content", text);
        return message;
    }

    /** Whether {@code correction} says something other than the served text (surrounding whitespace ignored). */
    public boolean differs(String correction, Map<String, Object> output) {
        return !correction.strip().equals(textOf(output == null ? null : output.get("content")).strip());
    }

    /** One preference example: {"input": ..., "preferred_output": [preferred], "non_preferred_output": [other]}. */
    public String line(JsonNode input, JsonNode preferred, JsonNode nonPreferred) {
        ObjectNode example = JSON.createObjectNode();
        example.set("input", input);
        example.putArray("preferred_output").add(preferred);
        example.putArray("non_preferred_output").add(nonPreferred);
        return write(example);
    }

    public String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON trees always serialize", e);
        }
    }

    public JsonNode read(String json) {
        try {
            return JSON.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored feedback exchange is unreadable", e);
        }
    }

    /**
     * {@code json} (one JSON value, no newline) with e-mails, phones, card numbers, IBANs, national ids, IPs and secrets
     * in message text replaced by typed placeholders ({@code [EMAIL]} ...).
     */
    public String redact(String json) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length() + 16);
        try {
            redactor.redact(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), out);
        } catch (IOException e) {
            throw new UncheckedIOException("in-memory streams do not fail", e);
        }
        String redacted = out.toString(StandardCharsets.UTF_8);
        return redacted.endsWith("\n") ? redacted.substring(0, redacted.length() - 1) : redacted;
    }

    /** The text of a message content: a string, or the text parts of a part list. */
    static String textOf(Object content) {
        if (content instanceof String s) {
            return s;
        }
        if (content instanceof List<?> parts) {
            StringBuilder text = new StringBuilder();
            for (Object part : parts) {
                if (part instanceof Map<?, ?> p && p.get("text") instanceof String t) {
                    text.append(t);
                }
            }
            return text.toString();
        }
        return "";
    }
}
