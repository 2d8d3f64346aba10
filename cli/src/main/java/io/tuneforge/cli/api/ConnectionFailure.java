package io.tuneforge.cli.api;

/** Nothing answered at the endpoint: the service is down, or the URL points elsewhere. */
public class ConnectionFailure extends RuntimeException {

    public ConnectionFailure(String url, Throwable cause) {
        super("cannot reach " + url + " (" + describe(cause) + ")\n  is the stack running? `./tuneforge status`;"
                + " start it with `./tuneforge up`, or point elsewhere with --url / TUNEFORGE_*_URL", cause);
    }

    private static String describe(Throwable cause) {
        String message = cause.getMessage();
        return cause.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }
}
