package io.tuneforge.training.accounts;

import io.tuneforge.training.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Seals provider API keys with AES-256-GCM before they reach the database, and opens them only to
 * build a provider client. The account id is bound as associated data, so a sealed key copied onto
 * another account's row does not open.
 */
@ApplicationScoped
public class ApiKeyVault {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    @Inject
    public ApiKeyVault(TrainingConfig config) {
        this(config.secretKey().orElse(null));
    }

    ApiKeyVault(String base64Key) {
        this.key = base64Key == null || base64Key.isBlank() ? null : keyOf(base64Key);
    }

    public String seal(String accountId, String apiKey) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, nonce, accountId);
            byte[] sealed = cipher.doFinal(apiKey.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal the API key of account " + accountId, e);
        }
    }

    public String open(String accountId, String sealed) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new IllegalStateException("the stored API key of account " + accountId + " is not in a known sealed format");
        }
        try {
            byte[] raw = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
            byte[] nonce = java.util.Arrays.copyOfRange(raw, 0, NONCE_BYTES);
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, nonce, accountId);
            return new String(cipher.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot open the API key of account " + accountId
                    + ": tuneforge.training.secret-key differs from the key it was sealed with; set the original key or "
                    + "update the account with its API key again", e);
        }
    }

    /** What may be shown of a key: its kind prefix and last four characters. */
    public static String fingerprint(String apiKey) {
        String prefix = apiKey.startsWith("sk-") ? "sk-" : "";
        String tail = apiKey.length() > 8 ? apiKey.substring(apiKey.length() - 4) : "";
        return prefix + "..." + tail;
    }

    private Cipher cipher(int mode, byte[] nonce, String accountId) throws GeneralSecurityException {
        if (key == null) {
            throw new IllegalStateException("tuneforge.training.secret-key (TUNEFORGE_TRAINING_SECRET_KEY) is not set: provider "
                    + "API keys cannot be stored. Set it to the base64 of 32 random bytes (openssl rand -base64 32).");
        }
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, key, new GCMParameterSpec(128, nonce));
        cipher.updateAAD(accountId.getBytes(StandardCharsets.UTF_8));
        return cipher;
    }

    private static SecretKeySpec keyOf(String base64Key) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64Key.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("tuneforge.training.secret-key is not valid base64; use openssl rand -base64 32");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("tuneforge.training.secret-key must decode to 32 bytes (AES-256), not " + bytes.length
                    + "; use openssl rand -base64 32");
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
