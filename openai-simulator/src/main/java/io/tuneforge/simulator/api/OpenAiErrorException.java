package io.tuneforge.simulator.api;

import java.util.Map;

/** A failure the caller can act on, rendered in OpenAI's error shape by {@link OpenAiErrorMapper}. */
public class OpenAiErrorException extends RuntimeException {

    private final int status;
    private final String type;
    private final String param;
    private final String code;
    private final Map<String, String> headers;

    public OpenAiErrorException(int status, String type, String message, String param, String code, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
        this.headers = headers;
    }

    public static OpenAiErrorException invalid(String message, String param) {
        return new OpenAiErrorException(400, "invalid_request_error", message, param, null, Map.of());
    }

    public static OpenAiErrorException invalid(String message, String param, String code) {
        return new OpenAiErrorException(400, "invalid_request_error", message, param, code, Map.of());
    }

    public static OpenAiErrorException missing(String param) {
        return invalid("Missing required parameter: '" + param + "'.", param, "missing_required_parameter");
    }

    public static OpenAiErrorException notFound(String message, String param) {
        return new OpenAiErrorException(404, "invalid_request_error", message, param, null, Map.of());
    }

    public static OpenAiErrorException conflict(String message) {
        return new OpenAiErrorException(400, "invalid_request_error", message, null, null, Map.of());
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String param() {
        return param;
    }

    public String code() {
        return code;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
