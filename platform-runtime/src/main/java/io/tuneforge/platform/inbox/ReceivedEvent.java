package io.tuneforge.platform.inbox;

import io.tuneforge.events.EventPayload;

import java.time.Instant;

/** An event as a consumer sees it: the CloudEvents envelope it came in, and its typed payload. */
public record ReceivedEvent<T extends EventPayload>(
        String id,
        String type,
        String source,
        String subject,
        Instant time,
        String tenantId,
        String topic,
        T payload) {
}
