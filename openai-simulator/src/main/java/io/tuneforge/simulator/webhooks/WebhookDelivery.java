package io.tuneforge.simulator.webhooks;

/** One attempt to deliver an event, kept so a user can see what was sent and what came back. */
public record WebhookDelivery(String eventId, String type, String url, int attempt, Integer status, String error, long at) {}
