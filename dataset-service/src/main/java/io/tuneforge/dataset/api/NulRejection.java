package io.tuneforge.dataset.api;

import io.tuneforge.platform.problem.Problem;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses a NUL character in a path or query parameter of this service (a dataset id, {@code mode}, {@code import},
 * {@code status} ...) with a 400 naming the parameter: PostgreSQL cannot store or compare text holding one, so it
 * would otherwise fail as a 500 in the first query. JSON bodies are checked by the platform.
 */
public class NulRejection {

    @ServerRequestFilter
    public Optional<Response> rejectNul(UriInfo uri) {
        Optional<String> bad = firstWithNul(uri.getPathParameters()).or(() -> firstWithNul(uri.getQueryParameters()));
        return bad.map(name -> Problem.of(Response.Status.BAD_REQUEST, "invalid-request", "Invalid request",
                        "Parameter '" + name + "' contains a NUL character (\\u0000), which no dataset, version or option "
                                + "can hold; remove it and send the request again.")
                .withErrors(List.of(new Problem.FieldError(name, "must not contain a NUL character")))
                .at(uri.getPath()).toResponse().build());
    }

    private static Optional<String> firstWithNul(MultivaluedMap<String, String> parameters) {
        for (Map.Entry<String, List<String>> e : parameters.entrySet()) {
            if (e.getKey().indexOf('\0') >= 0) {
                return Optional.of(e.getKey().replace('\0', '?'));
            }
            for (String value : e.getValue()) {
                if (value != null && value.indexOf('\0') >= 0) {
                    return Optional.of(e.getKey());
                }
            }
        }
        return Optional.empty();
    }
}
