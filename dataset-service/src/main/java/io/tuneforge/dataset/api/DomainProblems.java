package io.tuneforge.dataset.api;

import io.tuneforge.dataset.domain.DatasetRefusal;
import io.tuneforge.dataset.ingest.UploadLimitExceeded;
import io.tuneforge.dataset.split.TestSizeTooLarge;
import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.problem.Problem;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.Locale;

/** This service's domain exceptions as problem+json, mapped here once for every resource. */
public class DomainProblems {

    @ServerExceptionMapper
    public Response refusal(DatasetRefusal e, UriInfo uri) {
        ApiProblem problem = switch (e.kind()) {
            case NOT_FOUND -> ApiProblem.notFound(e.title(), e.detail());
            case CONFLICT -> ApiProblem.conflict(e.title(), e.detail());
            case UNPROCESSABLE -> ApiProblem.unprocessable(e.title(), e.detail());
            case INVALID -> ApiProblem.badRequest(e.title(), e.detail());
        };
        return problem.problem().at(uri.getPath()).toResponse().build();
    }

    /** 413 for the content size, 422 for a line or the line count; the limit and its property are named. */
    @ServerExceptionMapper
    public Response uploadLimit(UploadLimitExceeded e, UriInfo uri) {
        String detail = switch (e.limit()) {
            case CONTENT_SIZE -> "The upload is larger than " + size(e.max()) + " (" + e.max() + " bytes) once decompressed, "
                    + "the most one version may hold (OpenAI's file limit by default). Split it into several datasets, "
                    + "or deduplicate it; the operator can raise " + e.limit().property() + ".";
            case LINE_SIZE -> "Line " + e.line() + " is longer than " + size(e.max()) + " (" + e.max() + " bytes), the longest "
                    + "line this service validates. Split the example, or link images by https URL instead of inlining "
                    + "them; the operator can raise " + e.limit().property() + " (with the heap).";
            case LINES -> "The upload has more than " + e.max() + " lines (line " + e.line() + " is past the limit), the most one "
                    + "version may have. Split it into several datasets; the operator can raise " + e.limit().property()
                    + " (with the heap).";
        };
        String title = switch (e.limit()) {
            case CONTENT_SIZE -> "Upload too large";
            case LINE_SIZE -> "Line too long";
            case LINES -> "Too many lines";
        };
        Problem problem = e.limit() == UploadLimitExceeded.Limit.CONTENT_SIZE
                ? Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "upload-too-large", title, detail)
                : ApiProblem.unprocessable(title, detail).problem();
        return problem
                .withErrors(List.of(new Problem.FieldError(e.limit().property(), "limit " + e.max())))
                .at(uri.getPath()).toResponse().build();
    }

    /** 422: the held-out size leaves no example to train on. */
    @ServerExceptionMapper
    public Response testSizeTooLarge(TestSizeTooLarge e, UriInfo uri) {
        return ApiProblem.unprocessable("Held-out test size too large", "test_size " + e.test() + " holds out "
                        + "too many of the version's " + e.examples() + " examples (the validation split takes " + e.validation()
                        + "): no example would be left to train on. Use a smaller test_size, e.g. 0.1, or add examples.").problem()
                .withErrors(List.of(new Problem.FieldError("test_size", "leaves no training examples")))
                .at(uri.getPath()).toResponse().build();
    }

    private static String size(long bytes) {
        return bytes % (1L << 20) == 0 ? (bytes >> 20) + " MiB" : String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
