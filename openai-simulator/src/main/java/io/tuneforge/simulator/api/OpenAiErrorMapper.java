package io.tuneforge.simulator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tuneforge.simulator.runtime.SimulatorLoops;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Renders every failure in OpenAI's error shape, so SDKs raise their typed exceptions. */
public class OpenAiErrorMapper {

    private static final Logger LOG = Logger.getLogger(OpenAiErrorMapper.class);

    private final SimulatorLoops loops;

    public OpenAiErrorMapper(SimulatorLoops loops) {
        this.loops = loops;
    }

    /** An Error while serving a request (out of memory): the process cannot be trusted any more, so it exits. */
    @ServerExceptionMapper
    public Response fatal(Error e, HttpServerRequest request) {
        loops.fatal(request.method() + " " + request.path(), e);
        return json(500, ErrorBody.of("The server had an error while processing your request. Sorry about that!",
                "server_error", null, null));
    }

    @ServerExceptionMapper
    public Response api(OpenAiErrorException e) {
        Response.ResponseBuilder builder = Response.status(e.status())
                .type(MediaType.APPLICATION_JSON)
                .entity(ErrorBody.of(e.getMessage(), e.type(), e.param(), e.code()));
        e.headers().forEach(builder::header);
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unparseable(JsonProcessingException e) {
        return json(400, ErrorBody.of(
                "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. "
                        + "The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
                "invalid_request_error", null, null));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundException e, HttpServerRequest request) {
        return json(404, ErrorBody.of("Invalid URL (" + request.method() + " " + request.path() + ")",
                "invalid_request_error", null, null));
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e, HttpServerRequest request) {
        return json(405, ErrorBody.of("Invalid method for URL (" + request.method() + " " + request.path() + ")",
                "invalid_request_error", null, null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        return json(status, ErrorBody.of(e.getMessage(), status >= 500 ? "server_error" : "invalid_request_error", null, null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        LOG.error("unexpected failure", e);
        return json(500, ErrorBody.of("The server had an error while processing your request. Sorry about that!",
                "server_error", null, null));
    }

    private static Response json(int status, ErrorBody body) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body).build();
    }
}
