package io.tuneforge.events;

import io.tuneforge.events.dataset.DatasetRejected;
import io.tuneforge.events.dataset.DatasetValidated;

import java.util.List;
import java.util.Optional;

/** The registry of every event the platform publishes. */
public final class EventContracts {

    public static final EventContract<DatasetValidated> DATASET_VALIDATED =
            new EventContract<>(Topics.DATASET_VALIDATED, "io.tuneforge.dataset.validated.v1", DatasetValidated.class);

    public static final EventContract<DatasetRejected> DATASET_REJECTED =
            new EventContract<>(Topics.DATASET_REJECTED, "io.tuneforge.dataset.rejected.v1", DatasetRejected.class);

    private static final List<EventContract<?>> ALL = List.of(DATASET_VALIDATED, DATASET_REJECTED);

    private EventContracts() {
    }

    public static List<EventContract<?>> all() {
        return ALL;
    }

    public static Optional<EventContract<?>> byType(String type) {
        return ALL.stream().filter(c -> c.type().equals(type)).findFirst();
    }

    @SuppressWarnings("unchecked")
    public static <T extends EventPayload> EventContract<T> forPayload(Class<T> payloadType) {
        return (EventContract<T>) ALL.stream()
                .filter(c -> c.payloadType().equals(payloadType))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException(
                        "no event contract for " + payloadType.getName() + "; register it in EventContracts"));
    }
}
