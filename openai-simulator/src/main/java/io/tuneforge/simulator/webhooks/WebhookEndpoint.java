package io.tuneforge.simulator.webhooks;

/**
 * A webhook endpoint; with an {@code organization} it receives only that organization's job events (as
 * an OpenAI endpoint belongs to one project), without one every event.
 */
public record WebhookEndpoint(String id, String url, String organization) {

    boolean wants(String jobOrganization) {
        return organization == null || organization.equals(jobOrganization);
    }
}
