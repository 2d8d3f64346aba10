package io.tuneforge.gateway.api;

import io.tuneforge.gateway.provider.OpenAiErrors;

/** A /v1 refusal, answered in OpenAI's error shape (not problem+json) by {@link GatewayExceptionMappers}. */
public class OpenAiError extends RuntimeException {

    private final int status;
    private final String body;

    OpenAiError(int status, String type, String param, String code, String message) {
        super(message);
        this.status = status;
        this.body = OpenAiErrors.body(type, param, code, message);
    }

    public int status() {
        return status;
    }

    public String body() {
        return body;
    }
}
