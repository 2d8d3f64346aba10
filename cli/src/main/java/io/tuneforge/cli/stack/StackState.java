package io.tuneforge.cli.stack;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the supervisor runs, as written to stack.json for `up`, `status`, `env` and `down`.
 *
 * @param openaiBaseUrl the simulator's /v1 URL when it runs, null when a real provider is configured
 */
public record StackState(long supervisorPid, StackPhase phase, String message, Instant startedAt, Instant updatedAt,
                         String kafkaBootstrap, String dbUrl, String openaiBaseUrl, List<ComponentStatus> components) {

    public Optional<ComponentStatus> component(String name) {
        return components.stream().filter(c -> c.name().equals(name)).findFirst();
    }

    public StackState with(ComponentStatus changed) {
        List<ComponentStatus> updated = new ArrayList<>();
        boolean replaced = false;
        for (ComponentStatus c : components) {
            if (c.name().equals(changed.name())) {
                updated.add(changed);
                replaced = true;
            } else {
                updated.add(c);
            }
        }
        if (!replaced) {
            updated.add(changed);
        }
        return new StackState(supervisorPid, phase, message, startedAt, Instant.now(), kafkaBootstrap, dbUrl,
                openaiBaseUrl, List.copyOf(updated));
    }

    public StackState with(StackPhase newPhase, String newMessage) {
        return new StackState(supervisorPid, newPhase, newMessage, startedAt, Instant.now(), kafkaBootstrap, dbUrl,
                openaiBaseUrl, components);
    }

    public StackState withEndpoints(String newKafkaBootstrap, String newDbUrl, String newOpenaiBaseUrl) {
        return new StackState(supervisorPid, phase, message, startedAt, Instant.now(), newKafkaBootstrap, newDbUrl,
                newOpenaiBaseUrl, components);
    }

    /** Every component that should run does, and is ready. */
    public boolean fullyUp() {
        return phase == StackPhase.RUNNING && components.stream()
                .allMatch(c -> c.state() == ComponentState.UP || c.state() == ComponentState.SKIPPED);
    }
}
