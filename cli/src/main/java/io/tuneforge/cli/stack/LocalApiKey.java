package io.tuneforge.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
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
        Optional<String> existing = read(file);
        if (existing.isPresent()) {
            return existing.get();
        }
        byte[] random = new byte[24];
        new SecureRandom().nextBytes(random);
        String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        try {
            Files.createDirectories(file.getParent());
            // Created with mode 600 from the start: never readable by others, not even for a moment.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, key + "\n", StandardCharsets.UTF_8);
            return key;
        } catch (FileAlreadyExistsException e) {
            return read(file).orElseThrow(() -> new IllegalStateException(file + " exists but is empty; delete it"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the local API key file " + file, e);
        }
    }

    public static Optional<String> read(Path file) {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String key = Files.readString(file, StandardCharsets.UTF_8).trim();
            return key.isEmpty() ? Optional.empty() : Optional.of(key);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the local API key " + file
                    + " (it is mode 600: run as the user who ran `tuneforge up`)", e);
        }
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
