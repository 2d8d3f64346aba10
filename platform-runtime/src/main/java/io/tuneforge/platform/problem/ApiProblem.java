package io.tuneforge.platform.problem;

import jakarta.ws.rs.core.Response;

import java.util.List;

/** Thrown by resources and domain code to answer with a specific {@link Problem}. */
public class ApiProblem extends RuntimeException {

    private final transient Problem problem;

    public ApiProblem(Problem problem) {
        super(problem.title() + ": " + problem.detail());
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** 404 for something absent, or owned by another tenant (which must be indistinguishable). */
    public static ApiProblem notFound(String kind, String id) {
        return new ApiProblem(Problem.of(Response.Status.NOT_FOUND, "not-found", kind + " not found",
                "No " + kind.toLowerCase() + " with id '" + id + "' exists for your tenant."));
    }

    public static ApiProblem badRequest(String title, String detail) {
        return new ApiProblem(Problem.of(Response.Status.BAD_REQUEST, "bad-request", title, detail));
    }

    public static ApiProblem invalid(String detail, List<Problem.FieldError> errors) {
        return new ApiProblem(Problem.of(Response.Status.BAD_REQUEST, "invalid-request", "Invalid request", detail)
                .withErrors(errors));
    }

    public static ApiProblem conflict(String title, String detail) {
        return new ApiProblem(Problem.of(Response.Status.CONFLICT, "conflict", title, detail));
    }

    public static ApiProblem unprocessable(String title, String detail) {
        return new ApiProblem(Problem.of(StatusCodes.UNPROCESSABLE_CONTENT, "unprocessable", title, detail));
    }
}
