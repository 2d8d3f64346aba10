package io.tuneforge.training.admission;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides which waiting jobs get a provider slot now. Rules, in order: an account never holds more
 * than its max active jobs; a tenant never holds more than its quota over all its accounts; on an
 * account, the tenant holding the fewest of its slots goes next (so one tenant's burst cannot starve
 * another); within that, higher priority first, then oldest first.
 */
public final class FairShare {

    public record Candidate(String jobId, String accountId, String tenantId, int priority, Instant createdAt) {
    }

    private FairShare() {
    }

    /**
     * @param waiting         jobs waiting for a slot
     * @param accountLimits   max active jobs per account id
     * @param held            slots held now: account id -> tenant id -> count
     * @param tenantQuota     max slots per tenant over all accounts
     * @return the job ids to admit, in admission order
     */
    public static List<String> admit(List<Candidate> waiting, Map<String, Integer> accountLimits,
                                     Map<String, Map<String, Long>> held, int tenantQuota) {
        Map<String, Map<String, Long>> onAccount = new HashMap<>();
        held.forEach((account, byTenant) -> onAccount.put(account, new HashMap<>(byTenant)));
        Map<String, Long> perAccount = new HashMap<>();
        Map<String, Long> perTenant = new HashMap<>();
        onAccount.forEach((account, byTenant) -> byTenant.forEach((tenant, n) -> {
            perAccount.merge(account, n, Long::sum);
            perTenant.merge(tenant, n, Long::sum);
        }));
        List<Candidate> remaining = new ArrayList<>(waiting);
        List<String> admitted = new ArrayList<>();
        while (true) {
            Candidate next = remaining.stream()
                    .filter(c -> perAccount.getOrDefault(c.accountId(), 0L) < accountLimits.getOrDefault(c.accountId(), 0))
                    .filter(c -> perTenant.getOrDefault(c.tenantId(), 0L) < tenantQuota)
                    .min(Comparator.<Candidate>comparingLong(c -> onAccount.getOrDefault(c.accountId(), Map.of()).getOrDefault(c.tenantId(), 0L))
                            .thenComparing(Comparator.comparingInt(Candidate::priority).reversed())
                            .thenComparing(Candidate::createdAt)
                            .thenComparing(Candidate::jobId))
                    .orElse(null);
            if (next == null) {
                return admitted;
            }
            remaining.remove(next);
            admitted.add(next.jobId());
            perAccount.merge(next.accountId(), 1L, Long::sum);
            perTenant.merge(next.tenantId(), 1L, Long::sum);
            onAccount.computeIfAbsent(next.accountId(), a -> new HashMap<>()).merge(next.tenantId(), 1L, Long::sum);
        }
    }
}
