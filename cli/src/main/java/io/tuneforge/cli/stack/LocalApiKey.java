package io.tuneforge.cli.stack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The local default tenant's API key: generated once, kept in the state folder readable only by
 * its owner, and handed to services only as its SHA-256 (services never hold plaintext keys).
 */
public final class LocalApiKey {

    public static final String TENANT = "local";
    private static final String PREFIX = "tfk_local_";

    private LocalApiKey() {
    }

    public static String loadOrCreate(Path file) {
        return StateSecret.loadOrCreate(file, () -> PREFIX + StateSecret.random(24));
    }

    public static Optional<String> read(Path file) {
        return StateSecret.read(file);
    }

    /** The TUNEFORGE_TENANCY_API_KEYS entry for this key. */
    public static String tenancyEntry(String key) {
        return TENANT + ":" + sha256Hex(key);
    }

    public static String sha256Hex(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
