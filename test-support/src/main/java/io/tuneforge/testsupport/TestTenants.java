package io.tuneforge.testsupport;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Two tenants every service test knows, so cross-tenant isolation is tested the same way everywhere. */
public final class TestTenants {

    public static final String ACME = "acme";
    public static final String ACME_KEY = "tf-test-acme-0123456789";
    public static final String GLOBEX = "globex";
    public static final String GLOBEX_KEY = "tf-test-globex-9876543210";
    public static final String INITECH = "initech";
    public static final String INITECH_KEY = "tf-test-initech-2468013579";

    /** The key tuneforge services use to call each other in tests. */
    public static final String SERVICE_KEY = "tf-test-service-key-5555";

    private TestTenants() {
    }

    static String apiKeysConfig() {
        return ACME + ":" + sha256(ACME_KEY) + "," + GLOBEX + ":" + sha256(GLOBEX_KEY) + "," + INITECH + ":" + sha256(INITECH_KEY);
    }

    static String serviceKeysConfig() {
        return "platform:" + sha256(SERVICE_KEY);
    }

    public static String bearer(String key) {
        return "Bearer " + key;
    }

    private static String sha256(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
