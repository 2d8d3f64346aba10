package io.tuneforge.cli.stack;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The keys services use to call each other on a tenant's behalf (platform-runtime's
 * tuneforge.tenancy.service-key / service-keys). Fresh for every supervisor run and held only in
 * memory: nothing outside the stack needs them, and a stopped stack leaves none behind.
 */
final class ServiceKeys {

    private final Map<String, String> keyByService = new LinkedHashMap<>();

    ServiceKeys(Collection<String> services) {
        SecureRandom random = new SecureRandom();
        for (String service : services) {
            byte[] bytes = new byte[24];
            random.nextBytes(bytes);
            keyByService.put(service, "tfs_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
        }
    }

    /** TUNEFORGE_TENANCY_SERVICE_KEY of one service. */
    String keyOf(String service) {
        return keyByService.get(service);
    }

    /** TUNEFORGE_TENANCY_SERVICE_KEYS, the same for every service: each caller's name and key hash. */
    String registry() {
        return keyByService.entrySet().stream()
                .map(e -> e.getKey() + ":" + LocalApiKey.sha256Hex(e.getValue()))
                .collect(Collectors.joining(","));
    }
}
