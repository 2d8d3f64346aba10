package io.tuneforge.events;

/**
 * How tuneforge fills the CloudEvents 1.0 envelope (Kafka protocol binding, binary mode: attributes
 * travel as {@code ce_*} headers, the payload as the record value in JSON).
 */
public final class CloudEventAttributes {

    /** Extension attribute carrying the owning tenant's id (header {@code ce_tenant}). */
    public static final String TENANT_EXTENSION = "tenant";

    /** Content type of every payload. */
    public static final String DATA_CONTENT_TYPE = "application/json";

    private CloudEventAttributes() {
    }

    /** The {@code source} attribute for events emitted by a service, e.g. {@code /tuneforge/dataset-service}. */
    public static String sourceOf(String serviceName) {
        return "/tuneforge/" + serviceName;
    }
}
