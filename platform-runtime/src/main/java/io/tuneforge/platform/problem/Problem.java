package io.tuneforge.platform.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import jakarta.ws.rs.core.Response;

import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem details document ({@code application/problem+json}), the body of every error
 * response of every service.
 *
 * @param type     a URI naming the kind of problem ({@code https://tuneforge.io/problems/<slug>})
 * @param title    short, the same for every occurrence of the type
 * @param status   the HTTP status
 * @param detail   this occurrence, phrased so the caller can act on it
 * @param instance the request path it happened on, when known
 * @param errors   field-level errors (validation), each with where and what
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final String TYPE_BASE = "https://tuneforge.io/problems/";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    public static Problem of(Response.StatusType status, String slug, String title, String detail) {
        return new Problem(URI.create(TYPE_BASE + slug), title, status.getStatusCode(), detail, null, List.of());
    }

    public Problem at(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors);
    }

    public Response.ResponseBuilder toResponse() {
        return Response.status(status).type(MEDIA_TYPE).entity(this);
    }

    /** One invalid input: {@code field} is a JSON path or parameter name. */
    public record FieldError(String field, String message) {
    }
}
