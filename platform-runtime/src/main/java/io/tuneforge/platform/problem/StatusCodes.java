package io.tuneforge.platform.problem;

import jakarta.ws.rs.core.Response;

/** HTTP statuses that {@link Response.Status} lacks. */
final class StatusCodes {

    static final Response.StatusType UNPROCESSABLE_CONTENT = new Custom(422, "Unprocessable Content");

    private StatusCodes() {
    }

    private record Custom(int code, String reason) implements Response.StatusType {
        @Override
        public int getStatusCode() {
            return code;
        }

        @Override
        public Response.Status.Family getFamily() {
            return Response.Status.Family.familyOf(code);
        }

        @Override
        public String getReasonPhrase() {
            return reason;
        }
    }
}
