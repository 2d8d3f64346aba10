package io.tuneforge.training.provider;

import java.time.Instant;
import java.util.Map;

/** A provider job event; {@code data} carries a metrics event's figures (step, train_loss, valid_loss ...). */
public record ProviderEvent(String id, Instant createdAt, String level, String type, String message, Map<String, Object> data) {
}
