package io.tuneforge.cli.api;

/** The service answered with an error; title and detail come from its problem+json body. */
public class ServiceCallException extends RuntimeException {

    private final int status;
    private final String title;
    private final String detail;
    private final String request;

    public ServiceCallException(int status, String title, String detail, String request) {
        super(request + " -> " + status + " " + title + (detail == null || detail.isBlank() ? "" : ": " + detail));
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.request = request;
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    public String request() {
        return request;
    }
}
