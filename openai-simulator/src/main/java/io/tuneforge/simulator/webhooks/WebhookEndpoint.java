package io.tuneforge.simulator.webhooks;

public record WebhookEndpoint(String id, String url) {}
