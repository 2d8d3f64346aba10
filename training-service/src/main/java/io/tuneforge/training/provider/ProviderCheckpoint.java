package io.tuneforge.training.provider;

import java.time.Instant;

public record ProviderCheckpoint(String id, long step, String model, Double trainLoss, Double validLoss, Double fullValidLoss,
                                 Instant createdAt) {
}
