package io.tuneforge.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.tuneforge.platform.ids.EntityIds;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Turns every failure of a REST call into problem+json, so clients parse one error shape everywhere. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response apiProblem(ApiProblem e, UriInfo uri) {
        return e.problem().at(uri.getPath()).toResponse().build();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .map(v -> new Problem.FieldError(fieldOf(v), v.getMessage()))
                .toList();
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return Problem.of(Response.Status.BAD_REQUEST, "invalid-request", "Invalid request", detail)
                .withErrors(errors).at(uri.getPath()).toResponse().build();
    }

    /**
     * A field the endpoint does not know (the platform reads JSON strictly, so a misspelt optional field is not
     * silently dropped). Mapped here, not by Quarkus' built-in mapper, so it is problem+json like every error.
     */
    @ServerExceptionMapper
    public Response unknownField(UnrecognizedPropertyException e, UriInfo uri) {
        String field = pathOf(e);
        String known = e.getKnownPropertyIds() == null ? "" : "; known fields here: " + e.getKnownPropertyIds().stream()
                .map(String::valueOf).sorted().collect(Collectors.joining(", "));
        return Problem.of(Response.Status.BAD_REQUEST, "unknown-field", "Unknown field",
                        "The request body has a field '" + field + "' that this endpoint does not know" + known
                                + ". Remove it or check its spelling.")
                .withErrors(List.of(new Problem.FieldError(field, "unknown field")))
                .at(uri.getPath()).toResponse().build();
    }

    /** A value of the wrong type (a string for a number, an object for a list ...): problem+json naming the field. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, UriInfo uri) {
        return unreadableJson(e, uri);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty() ? " (field '" + pathOf(m) + "')" : "";
        return Problem.of(Response.Status.BAD_REQUEST, "malformed-json", "Malformed JSON body",
                        "The request body could not be read" + where + field + ": " + e.getOriginalMessage())
                .at(uri.getPath()).toResponse().build();
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        Response.StatusType status = e.getResponse().getStatusInfo();
        String slug = status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return Problem.of(status, slug, status.getReasonPhrase(), e.getMessage())
                .at(uri.getPath()).toResponse().build();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        String incident = EntityIds.next("incident");
        LOG.errorf(e, "unhandled error on %s, incident %s", uri.getPath(), incident);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                        "The server failed to handle this request. Quote incident " + incident + " when reporting it.")
                .at(uri.getPath()).toResponse().build();
    }

    /** Where in the body: "gates.min_improvement", "models[1].role". */
    private static String pathOf(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            if (r.getFieldName() != null) {
                path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
            } else {
                path.append('[').append(r.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static final PropertyNamingStrategies.SnakeCaseStrategy SNAKE_CASE = new PropertyNamingStrategies.SnakeCaseStrategy();

    /**
     * The field as the client wrote it: method-parameter paths look like "create.request.monthlyLimitUsd";
     * the method and parameter parts are dropped and Java names turned into the API's snake_case.
     */
    private static String fieldOf(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        List<String> parts = List.of(path.split("\\."));
        List<String> field = parts.size() > 2 ? parts.subList(2, parts.size()) : parts;
        return field.stream().map(SNAKE_CASE::translate).collect(Collectors.joining("."));
    }
}
