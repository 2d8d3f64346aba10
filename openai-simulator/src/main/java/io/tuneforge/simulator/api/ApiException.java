package io.tuneforge.simulator.api;

import java.util.Map;

/** A failure the caller can act on, rendered in OpenAI's error shape by {@link ApiExceptionMapper}. */
public class ApiException extends RuntimeException {

    private final int status;
    private final String type;
    private final String param;
    private final String code;
    private final Map<String, String> headers;

    public ApiException(int status, String type, String message, String param, String code, Map<String, String> headers) {
        super(message);
        this.status = status;
        this.type = type;
        this.param = param;
        this.code = code;
        this.headers = headers;
    }

    public static ApiException invalid(String message, String param) {
        return new ApiException(400, "invalid_request_error", message, param, null, Map.of());
    }

    public static ApiException invalid(String message, String param, String code) {
        return new ApiException(400, "invalid_request_error", message, param, code, Map.of());
    }

    public static ApiException missing(String param) {
        return invalid("Missing required parameter: '" + param + "'.", param, "missing_required_parameter");
    }

    public static ApiException notFound(String message, String param) {
        return new ApiException(404, "invalid_request_error", message, param, null, Map.of());
    }

    public static ApiException conflict(String message) {
        return new ApiException(400, "invalid_request_error", message, null, null, Map.of());
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
