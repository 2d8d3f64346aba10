package io.tuneforge.dataset.validation.quality;

/**
 * Open-addressing map from a 64-bit fingerprint to (a 64-bit value, the line it was first seen on), in flat
 * arrays: ~24 bytes per example instead of ~100 for a HashMap of boxed values. Stops accepting new keys at
 * {@code capacity} so memory stays bounded on any input; {@link #saturated()} tells the report.
 */
final class FingerprintTable {

    private final int capacity;
    private long[] keys;
    private long[] values;
    private long[] lines;
    private int size;
    private boolean saturated;

    FingerprintTable(int capacity) {
        this.capacity = capacity;
        int slots = 1024;
        keys = new long[slots];
        values = new long[slots];
        lines = new long[slots];
    }

    /** Slot of {@code key}, or -1. */
    int find(long key) {
        int mask = keys.length - 1;
        int i = (int) ContentFingerprint.mix(key) & mask;
        while (keys[i] != 0) {
            if (keys[i] == key) {
                return i;
            }
            i = (i + 1) & mask;
        }
        return -1;
    }

    long valueAt(int slot) {
        return values[slot];
    }

    long lineAt(int slot) {
        return lines[slot];
    }

    /** Adds a new key (the caller checked it is absent). */
    void put(long key, long value, long line) {
        if (size >= capacity) {
            saturated = true;
            return;
        }
        if ((size + 1) * 2 > keys.length) {
            grow();
        }
        insert(key, value, line);
        size++;
    }

    boolean saturated() {
        return saturated;
    }

    private void insert(long key, long value, long line) {
        int mask = keys.length - 1;
        int i = (int) ContentFingerprint.mix(key) & mask;
        while (keys[i] != 0) {
            i = (i + 1) & mask;
        }
        keys[i] = key;
        values[i] = value;
        lines[i] = line;
    }

    private void grow() {
        long[] oldKeys = keys;
        long[] oldValues = values;
        long[] oldLines = lines;
        keys = new long[oldKeys.length * 2];
        values = new long[oldKeys.length * 2];
        lines = new long[oldKeys.length * 2];
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                insert(oldKeys[i], oldValues[i], oldLines[i]);
            }
        }
    }
}
