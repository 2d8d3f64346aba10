package io.tuneforge.cli.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * A secret of the local stack (the tenant's API key, training-service's key-sealing key): generated
 * once, kept in the state folder with mode 600, the same value on every `up` so data sealed with it
 * stays readable.
 */
final class StateSecret {

    private static final SecureRandom RANDOM = new SecureRandom();

    private StateSecret() {
    }

    static String loadOrCreate(Path file, Supplier<String> generator) {
        Optional<String> existing = read(file);
        if (existing.isPresent()) {
            return existing.get();
        }
        String secret = generator.get();
        try {
            Files.createDirectories(file.getParent());
            // Created with mode 600 from the start: never readable by others, not even for a moment.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, secret + "\n", StandardCharsets.UTF_8);
            return secret;
        } catch (FileAlreadyExistsException e) {
            return read(file).orElseThrow(() -> new IllegalStateException(file + " exists but is empty; delete it"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the secret file " + file, e);
        }
    }

    static Optional<String> read(Path file) {
        try {
            if (!Files.exists(file)) {
                return Optional.empty();
            }
            String secret = Files.readString(file, StandardCharsets.UTF_8).trim();
            return secret.isEmpty() ? Optional.empty() : Optional.of(secret);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " (it is mode 600: run as the user who ran `tuneforge up`)", e);
        }
    }

    /** {@code bytes} random bytes, URL-safe base64 without padding. */
    static String random(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    /** A 256-bit AES key in standard base64, as training-service expects it. */
    static String aesKey() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }
}
