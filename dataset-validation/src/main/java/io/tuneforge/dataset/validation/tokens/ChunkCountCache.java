package io.tuneforge.dataset.validation.tokens;

import java.util.Arrays;

/**
 * Token counts of recently seen short chunks, looked up by a hash computed while scanning the text, so a hit
 * allocates nothing. Chunks of up to 12 chars (most words with their leading space) are stored inline, packed
 * into the table's longs, so a lookup touches one cache line; longer ones are kept as char arrays. Open
 * addressing in flat arrays; when half full a table is simply emptied, which keeps memory fixed (a few MB per
 * thread) while the working set of common words refills within a few hundred lines. One instance per thread.
 */
final class ChunkCountCache {

    private static final int INLINE_CHARS = 12;
    /** 2 MiB per thread: a bigger table missed the CPU caches on most lookups, a smaller one refilled too often. */
    private static final int INLINE_SLOTS = 1 << 16;
    private static final int INLINE_MAX_SIZE = INLINE_SLOTS / 2;
    private static final long COUNT_MASK = 0xFFFFFFL;

    /** Per slot: [hash << 32 | length << 24 | count, chars 0-3, chars 4-7, chars 8-11]. */
    private final long[] inline = new long[INLINE_SLOTS * 4];
    private int inlineSize;

    private static final int SLOTS = 1 << 14;
    private static final int MAX_SIZE = SLOTS / 2;

    private final int[] hashes = new int[SLOTS];
    private final char[][] keys = new char[SLOTS][];
    private final int[] counts = new int[SLOTS];
    private int size;

    /** The cached count of {@code text[from, to)} with hash {@code hash}, or -1. */
    int get(char[] text, int from, int to, int hash) {
        int len = to - from;
        if (len <= INLINE_CHARS) {
            long meta = ((long) hash << 32) | ((long) len << 24);
            long a = pack(text, from, to, 0);
            long b = pack(text, from, to, 4);
            long c = pack(text, from, to, 8);
            int i = spread(hash) & (INLINE_SLOTS - 1);
            long m;
            while ((m = inline[i << 2]) != 0) {
                int base = i << 2;
                if ((m & ~COUNT_MASK) == meta && inline[base + 1] == a && inline[base + 2] == b && inline[base + 3] == c) {
                    return (int) (m & COUNT_MASK);
                }
                i = (i + 1) & (INLINE_SLOTS - 1);
            }
            return -1;
        }
        int i = spread(hash) & (SLOTS - 1);
        char[] k;
        while ((k = keys[i]) != null) {
            if (hashes[i] == hash && k.length == len && Arrays.equals(text, from, to, k, 0, len)) {
                return counts[i];
            }
            i = (i + 1) & (SLOTS - 1);
        }
        return -1;
    }

    void put(char[] text, int from, int to, int hash, int count) {
        int len = to - from;
        if (len <= INLINE_CHARS) {
            if (inlineSize >= INLINE_MAX_SIZE) {
                Arrays.fill(inline, 0L);
                inlineSize = 0;
            }
            int i = spread(hash) & (INLINE_SLOTS - 1);
            while (inline[i << 2] != 0) {
                i = (i + 1) & (INLINE_SLOTS - 1);
            }
            int base = i << 2;
            inline[base] = ((long) hash << 32) | ((long) len << 24) | (count & COUNT_MASK);
            inline[base + 1] = pack(text, from, to, 0);
            inline[base + 2] = pack(text, from, to, 4);
            inline[base + 3] = pack(text, from, to, 8);
            inlineSize++;
            return;
        }
        if (size >= MAX_SIZE) {
            Arrays.fill(keys, null);
            size = 0;
        }
        int i = spread(hash) & (SLOTS - 1);
        while (keys[i] != null) {
            i = (i + 1) & (SLOTS - 1);
        }
        keys[i] = Arrays.copyOfRange(text, from, to);
        hashes[i] = hash;
        counts[i] = count;
        size++;
    }

    /** Chars [from + offset, from + offset + 4) of the chunk as one long (missing chars are 0). */
    private static long pack(char[] text, int from, int to, int offset) {
        long v = 0;
        for (int k = from + offset, end = Math.min(to, from + offset + 4); k < end; k++) {
            v = (v << 16) | text[k];
        }
        return v;
    }

    private static int spread(int h) {
        return h ^ (h >>> 16) ^ (h >>> 7);
    }
}
