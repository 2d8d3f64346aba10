package io.tuneforge.platform.tenancy;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Maps a presented API key to its tenant by the key's SHA-256; plaintext keys are never held. */
@ApplicationScoped
public class ApiKeyRegistry {

    private static final Pattern TENANT_ID = Pattern.compile("[a-z0-9][a-z0-9_-]{0,63}");
    private static final Pattern SHA256_HEX = Pattern.compile("[0-9a-f]{64}");

    @Inject
    TenancyConfig config;

    private Map<String, String> tenantByKeyHash = Map.of();
    private Map<String, String> serviceByKeyHash = Map.of();

    @PostConstruct
    void load() {
        tenantByKeyHash = parse("tuneforge.tenancy.api-keys", config.apiKeys().orElse(List.of()));
        serviceByKeyHash = parse("tuneforge.tenancy.service-keys", config.serviceKeys().orElse(List.of()));
    }

    private static Map<String, String> parse(String property, List<String> entries) {
        Map<String, String> byHash = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            String entry = entries.get(i).trim();
            int colon = entry.indexOf(':');
            String where = property + " entry " + (i + 1);
            if (colon < 0) {
                throw new IllegalStateException(where + ": expected '<tenant-id>:<sha256-hex-of-key>', got no ':'");
            }
            String tenant = entry.substring(0, colon);
            String hash = entry.substring(colon + 1).toLowerCase();
            if (!TENANT_ID.matcher(tenant).matches()) {
                throw new IllegalStateException(where + ": id '" + tenant
                        + "' must be lowercase letters, digits, '-' or '_' (at most 64)");
            }
            if (!SHA256_HEX.matcher(hash).matches()) {
                throw new IllegalStateException(where + " (tenant " + tenant
                        + "): the key must be given as its SHA-256 in hex (64 characters), e.g. printf %s \"$KEY\" | sha256sum");
            }
            String previous = byHash.put(hash, tenant);
            if (previous != null && !previous.equals(tenant)) {
                throw new IllegalStateException(where + ": the same key is configured for " + previous + " and " + tenant);
            }
        }
        return Map.copyOf(byHash);
    }

    /** The calling service's name when {@code presentedKey} is a service key. */
    public Optional<String> serviceOf(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(serviceByKeyHash.get(sha256Hex(presentedKey)));
    }

    public static boolean isValidTenantId(String tenantId) {
        return tenantId != null && TENANT_ID.matcher(tenantId).matches();
    }

    public Optional<String> tenantOf(String presentedKey) {
        if (presentedKey == null || presentedKey.isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(tenantByKeyHash.get(sha256Hex(presentedKey)));
    }

    public static String sha256Hex(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
