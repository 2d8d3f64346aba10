package io.tuneforge.platform.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import io.tuneforge.platform.availability.Dependency;
import io.tuneforge.platform.availability.DependencyFailures;
import io.tuneforge.platform.json.ForbiddenCharacterException;
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

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Turns every failure of a REST call into problem+json, so clients parse one error shape everywhere. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /**
     * What a 503 tells the caller to wait: long enough for a restarted database or broker to be
     * back (they take a few seconds), short enough that a client does not give up on a blip.
     */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Pattern ENUM_VALUES = Pattern.compile("not one of the values accepted for Enum class: (\\[[^]]*])");
    private static final Pattern JAVA_NAME = Pattern.compile("`[^`]*`");

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

    /** A NUL character in a string: PostgreSQL cannot store it, so the body is refused before anything is written. */
    @ServerExceptionMapper
    public Response forbiddenCharacter(ForbiddenCharacterException e, UriInfo uri) {
        String field = e.getPath().isEmpty() ? "(body)" : pathOf(e);
        return Problem.of(Response.Status.BAD_REQUEST, "invalid-character", "Invalid character in the request body",
                        "The field '" + field + "' (JSON pointer " + pointerOf(e) + ") " + e.getOriginalMessage() + ".")
                .withErrors(List.of(new Problem.FieldError(field, e.getOriginalMessage())))
                .at(uri.getPath()).toResponse().build();
    }

    /**
     * Unreadable or ill-fitting JSON. The detail says where and what in the API's terms (JSON kinds,
     * field paths); Jackson's own message names Java classes and parser state, which would leak the
     * implementation and mean nothing to the caller, so it is never passed through as is.
     */
    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        boolean hasField = e instanceof JsonMappingException m && !m.getPath().isEmpty();
        String field = hasField ? " (field '" + pathOf((JsonMappingException) e) + "')" : "";
        Problem problem = Problem.of(Response.Status.BAD_REQUEST, "malformed-json", "Malformed JSON body",
                "The request body could not be read" + where + field + ": " + describe(e) + ".");
        if (hasField) {
            problem = problem.withErrors(List.of(new Problem.FieldError(pathOf((JsonMappingException) e), describe(e))));
        }
        return problem.at(uri.getPath()).toResponse().build();
    }

    /** What is wrong with the body, in JSON terms. */
    static String describe(JsonProcessingException e) {
        if (e instanceof InvalidFormatException f) {
            Matcher enumValues = ENUM_VALUES.matcher(String.valueOf(f.getOriginalMessage()));
            if (enumValues.find()) {
                return "the value is not one of " + enumValues.group(1);
            }
            return "the value is not " + jsonKind(f.getTargetType());
        }
        if (e instanceof ValueInstantiationException v && v.getCause() instanceof IllegalArgumentException invalid
                && invalid.getMessage() != null) {
            // Thrown by a request record's own constructor: written for the caller.
            return invalid.getMessage();
        }
        if (e instanceof MismatchedInputException m) {
            return m.getTargetType() == null ? "a value has the wrong kind" : "expected " + jsonKind(m.getTargetType());
        }
        if (e instanceof StreamReadException) {
            String message = String.valueOf(e.getOriginalMessage());
            int newline = message.indexOf('\n');
            String firstLine = newline < 0 ? message : message.substring(0, newline);
            return "it is not valid JSON (" + JAVA_NAME.matcher(firstLine).replaceAll("a value") + ")";
        }
        return "it does not have the shape this endpoint expects (see its OpenAPI schema)";
    }

    private static String jsonKind(Class<?> type) {
        if (type == null) {
            return "of the expected kind";
        }
        if (type == String.class || type == Character.class || type == char.class) {
            return "a string";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type.isPrimitive() || Number.class.isAssignableFrom(type) || type == BigDecimal.class || type == BigInteger.class) {
            return "a number" + (type == int.class || type == Integer.class || type == long.class || type == Long.class
                    || type == BigInteger.class ? " (a whole one, within range)" : "");
        }
        if (type.isEnum()) {
            return "one of the values documented for this field";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an ISO 8601 date-time string (e.g. 2026-01-31T12:00:00Z)";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "a list (JSON array)";
        }
        return "an object";
    }

    @ServerExceptionMapper
    public Response webApplication(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            // The JSON reader reports a syntax error as a 400 WebApplicationException around the parser's.
            return unreadableJson(unreadable, uri);
        }
        Response.StatusType status = e.getResponse().getStatusInfo();
        String slug = status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
        return Problem.of(status, slug, status.getReasonPhrase(), e.getMessage())
                .at(uri.getPath()).toResponse().build();
    }

    /**
     * The last resort. A failure because a dependency is down (the database unreachable, the broker
     * or a sibling service not answering) is not a bug of this service: it is a 503 with
     * {@code Retry-After}, logged as one line; anything else is a 500 with an incident id whose
     * stack trace is in the log.
     */
    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        Optional<Dependency> down = DependencyFailures.unavailable(e);
        if (down.isPresent()) {
            LOG.warnf("%s answered 503: %s is unavailable: %s", uri.getPath(), down.get().description(), e);
            return dependencyUnavailable(down.get()).at(uri.getPath()).toResponse()
                    .header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS)).build();
        }
        String incident = EntityIds.next("incident");
        LOG.errorf(e, "unhandled error on %s, incident %s", uri.getPath(), incident);
        return Problem.of(Response.Status.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                        "The server failed to handle this request. Quote incident " + incident + " when reporting it.")
                .at(uri.getPath()).toResponse().build();
    }

    static Problem dependencyUnavailable(Dependency dependency) {
        return Problem.of(Response.Status.SERVICE_UNAVAILABLE, "dependency-unavailable", "Temporarily unavailable",
                "The request could not be completed because " + dependency.description() + " is unavailable right now. "
                        + "Retry after " + RETRY_AFTER_SECONDS + " seconds.");
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

    /** RFC 6901 pointer into the body: "/gates/min_improvement", "/models/1/role". */
    private static String pointerOf(JsonMappingException e) {
        StringBuilder pointer = new StringBuilder();
        for (JsonMappingException.Reference r : e.getPath()) {
            pointer.append('/');
            if (r.getFieldName() != null) {
                pointer.append(r.getFieldName().replace("~", "~0").replace("/", "~1"));
            } else {
                pointer.append(r.getIndex());
            }
        }
        return pointer.length() == 0 ? "\"\"" : pointer.toString();
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
