package io.tuneforge.gateway.api;

import io.tuneforge.gateway.provider.OpenAiErrors;

import java.util.Map;

/** A /v1 refusal, answered in OpenAI's error shape (not problem+json) by {@link GatewayExceptionMappers}. */
public class OpenAiError extends RuntimeException {

    private final int status;
    private final String body;
    private final Map<String, String> headers;

    OpenAiError(int status, String type, String param, String code, String message) {
        this(status, type, param, code, message, Map.of());
    }

    OpenAiError(int status, String type, String param, String code, String message, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.body = OpenAiErrors.body(type, param, code, message);
        this.headers = headers;
    }

    /** Headers the refusal carries (rate-limit state, retry-after). */
    public Map<String, String> headers() {
        return headers;
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
