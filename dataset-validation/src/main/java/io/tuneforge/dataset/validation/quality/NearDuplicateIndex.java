package io.tuneforge.dataset.validation.quality;

import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Finds an earlier example whose SimHash is within {@code maxDistance} bits. The 64 bits are cut into four
 * 16-bit bands; by the pigeonhole principle two hashes at distance <= 3 agree on at least one band, so only
 * examples sharing a band are compared. Chains are walked to a bounded depth so adversarial input cannot make
 * the scan quadratic. The validator asks for the first match (to report it); dataset-service's splitter visits
 * every match (to keep near-duplicate groups in one split).
 */
public final class NearDuplicateIndex {

    private static final int BANDS = 4;
    private static final int MAX_CHAIN_WALK = 64;

    private final int maxDistance;
    private final int capacity;
    private final int[][] heads = new int[BANDS][1 << 16];
    private int[][] next = new int[BANDS][1024];
    private long[] hashes = new long[1024];
    private long[] lines = new long[1024];
    private int size;
    private boolean saturated;

    /**
     * @param maxDistance the most differing bits of two near-identical texts (at most 3: the banding relies on it)
     * @param capacity    entries kept; later ones are compared but not remembered ({@link #saturated()})
     */
    public NearDuplicateIndex(int maxDistance, int capacity) {
        if (maxDistance > BANDS - 1) {
            throw new IllegalArgumentException("four 16-bit bands find distances up to 3 bits, not " + maxDistance);
        }
        this.maxDistance = maxDistance;
        this.capacity = capacity;
        for (int[] h : heads) {
            Arrays.fill(h, -1);
        }
    }

    /** Line of a near-identical earlier example, or 0; then remembers this one. */
    public long findAndAdd(long hash, long line) {
        long match = 0;
        for (int b = 0; b < BANDS && match == 0; b++) {
            int band = (int) (hash >>> (16 * b)) & 0xffff;
            int walked = 0;
            for (int e = heads[b][band]; e >= 0 && walked < MAX_CHAIN_WALK; e = next[b][e], walked++) {
                if (Long.bitCount(hashes[e] ^ hash) <= maxDistance) {
                    match = lines[e];
                    break;
                }
            }
        }
        add(hash, line);
        return match;
    }

    /**
     * Calls {@code near} with the id of every remembered entry within the distance (an entry sharing several bands
     * may be visited more than once), then remembers this one under {@code id}.
     */
    public void visitAndAdd(long hash, long id, LongConsumer near) {
        for (int b = 0; b < BANDS; b++) {
            int band = (int) (hash >>> (16 * b)) & 0xffff;
            int walked = 0;
            for (int e = heads[b][band]; e >= 0 && walked < MAX_CHAIN_WALK; e = next[b][e], walked++) {
                if (Long.bitCount(hashes[e] ^ hash) <= maxDistance) {
                    near.accept(lines[e]);
                }
            }
        }
        add(hash, id);
    }

    public boolean saturated() {
        return saturated;
    }

    private void add(long hash, long line) {
        if (size >= capacity) {
            saturated = true;
            return;
        }
        if (size == hashes.length) {
            int n = size * 2;
            hashes = Arrays.copyOf(hashes, n);
            lines = Arrays.copyOf(lines, n);
            for (int b = 0; b < BANDS; b++) {
                next[b] = Arrays.copyOf(next[b], n);
            }
        }
        hashes[size] = hash;
        lines[size] = line;
        for (int b = 0; b < BANDS; b++) {
            int band = (int) (hash >>> (16 * b)) & 0xffff;
            next[b][size] = heads[b][band];
            heads[b][band] = size;
        }
        size++;
    }
}
