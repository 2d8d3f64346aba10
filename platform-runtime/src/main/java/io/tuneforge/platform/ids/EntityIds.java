package io.tuneforge.platform.ids;

import java.security.SecureRandom;

/**
 * Identifiers of the form {@code <prefix>_<26 chars>}: a readable type prefix ({@code ds}, {@code job},
 * {@code evt}) and a ULID-style body (48-bit millisecond time + 80 random bits, Crockford base32), so
 * ids sort by creation time; cursors for pagination are plain ids.
 */
public final class EntityIds {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private EntityIds() {
    }

    public static String next(String prefix) {
        long time = System.currentTimeMillis();
        byte[] random = new byte[10];
        RANDOM.nextBytes(random);
        char[] out = new char[26];
        // 48 bits of time -> 10 characters (50 bits, top 2 bits zero).
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (time & 31)];
            time >>>= 5;
        }
        // 80 random bits -> 16 characters.
        long hi = 0;
        long lo = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (random[i] & 0xff);
            lo = (lo << 8) | (random[i + 5] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = ALPHABET[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = ALPHABET[(int) (lo & 31)];
            lo >>>= 5;
        }
        return prefix + "_" + new String(out);
    }
}
