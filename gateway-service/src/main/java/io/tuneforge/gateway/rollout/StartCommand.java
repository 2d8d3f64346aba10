package io.tuneforge.gateway.rollout;

import io.tuneforge.gateway.domain.Guards;

import java.util.List;

/**
 * A rollout to start, already validated and with defaults filled in.
 *
 * @param startedBy {@code api} or {@code eval}
 * @param evalId    the promoting evaluation, for {@code eval}
 */
public record StartCommand(String alias, String candidateModel, List<Integer> steps, int minRequests, long minDurationMs,
                           Guards guards, String startedBy, String evalId) {
}
