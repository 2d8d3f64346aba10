package io.tuneforge.gateway.provider;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * OpenAI's error shape, {@code {"error": {"message", "type", "param", "code"}}}: what an OpenAI SDK
 * understands, so /v1 answers errors like the provider would (the /api endpoints use problem+json).
 */
public final class OpenAiErrors {

    private OpenAiErrors() {
    }

    public static String body(String type, String param, String code, String message) {
        ObjectNode error = JsonNodeFactory.instance.objectNode();
        error.put("message", message);
        error.put("type", type);
        error.put("param", param);
        error.put("code", code);
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.set("error", error);
        return body.toString();
    }
}
