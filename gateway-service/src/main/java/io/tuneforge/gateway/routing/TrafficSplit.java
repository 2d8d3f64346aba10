package io.tuneforge.gateway.routing;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Whether one call goes to the candidate at a given share. A caller that names a {@code user} lands in
 * a fixed bucket 0..99 per rollout (SHA-256 of rollout id and user), so it keeps the same model within a
 * step and, since shares only grow, never falls back from candidate to stable; anonymous calls are drawn
 * at random.
 */
public final class TrafficSplit {

    private TrafficSplit() {
    }

    public static boolean toCandidate(int percent, String rolloutId, String user) {
        if (percent <= 0) {
            return false;
        }
        if (percent >= 100) {
            return true;
        }
        int bucket = user == null || user.isEmpty() ? ThreadLocalRandom.current().nextInt(100) : bucket(rolloutId, user);
        return bucket < percent;
    }

    static int bucket(String rolloutId, String user) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((rolloutId + "\n" + user).getBytes(StandardCharsets.UTF_8));
            long value = ((digest[0] & 0xffL) << 24) | ((digest[1] & 0xffL) << 16) | ((digest[2] & 0xffL) << 8) | (digest[3] & 0xffL);
            return (int) (value % 100);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}
