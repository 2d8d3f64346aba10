package io.tuneforge.simulator.storage;

import java.security.SecureRandom;

/** OpenAI-looking ids: a prefix and 24 base-62 characters. */
public final class Identifiers {

    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Identifiers() {}

    public static String next(String prefix) {
        return prefix + random(24);
    }

    public static String random(int length) {
        StringBuilder id = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return id.toString();
    }
}
