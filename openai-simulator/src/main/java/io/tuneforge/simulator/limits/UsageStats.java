package io.tuneforge.simulator.limits;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What each organization did to the fine-tuning quotas, for tests that judge a client by what the
 * provider saw: jobs created, the most jobs it ever had active at once, and creations answered from an
 * Idempotency-Key instead of creating a job. Counted in memory since start or the last reset (not kept
 * in the data folder).
 */
@ApplicationScoped
public class UsageStats {

    /** One organization's figures. */
    public record OrganizationUsage(long jobsCreated, long peakActiveJobs, long creationReplays) {}

    private final Map<String, OrganizationUsage> byOrganization = new ConcurrentHashMap<>();

    /** A job was created; {@code activeNow} counts it with the organization's other active jobs. */
    public void jobCreated(String organization, long activeNow) {
        byOrganization.merge(organization, new OrganizationUsage(1, activeNow, 0),
                (a, b) -> new OrganizationUsage(a.jobsCreated() + 1, Math.max(a.peakActiveJobs(), b.peakActiveJobs()), a.creationReplays()));
    }

    /** A POST answered from a remembered Idempotency-Key; only job creations are counted. */
    public void replayed(String scope) {
        // scope = "<organization> POST <path> <key>" (IdempotencyKeys#scope)
        int post = scope.indexOf(" POST ");
        if (post < 0) {
            return;
        }
        String rest = scope.substring(post + " POST ".length());
        String path = rest.contains(" ") ? rest.substring(0, rest.indexOf(' ')) : rest;
        if (path.endsWith("fine_tuning/jobs")) {
            byOrganization.merge(scope.substring(0, post), new OrganizationUsage(0, 0, 1),
                    (a, b) -> new OrganizationUsage(a.jobsCreated(), a.peakActiveJobs(), a.creationReplays() + 1));
        }
    }

    /** Every organization's figures, by organization id. */
    public Map<String, OrganizationUsage> snapshot() {
        return new TreeMap<>(byOrganization);
    }

    public void clear() {
        byOrganization.clear();
    }
}
