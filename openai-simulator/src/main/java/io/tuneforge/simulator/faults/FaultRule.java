package io.tuneforge.simulator.faults;

/**
 * A scripted fault: the next `count` requests whose path starts with `pathPrefix` (and method matches,
 * when given) get `kind`. Deterministic, so a test can say "the next two creates fail with 503".
 */
public record FaultRule(FaultKind kind, int count, String pathPrefix, String method, Long delayMillis) {

    boolean matches(String requestMethod, String path) {
        return (pathPrefix == null || path.startsWith(pathPrefix)) && (method == null || method.equalsIgnoreCase(requestMethod));
    }

    FaultRule used() {
        return new FaultRule(kind, count - 1, pathPrefix, method, delayMillis);
    }
}
