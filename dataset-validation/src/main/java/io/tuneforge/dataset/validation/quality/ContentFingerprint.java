package io.tuneforge.dataset.validation.quality;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;

/**
 * 64-bit fingerprints of JSON values and text, so duplicates are found by comparing 8 bytes per example instead
 * of holding examples in memory. Structural: key order and whitespace of the source line do not matter for
 * equal values written by different serializers (compact vs Python-style), because the parsed tree is hashed.
 * 0 is reserved for "no fingerprint".
 */
public final class ContentFingerprint {

    private static final long PRIME = 0x100000001b3L;
    private static final long OFFSET = 0xcbf29ce484222325L;

    private ContentFingerprint() {
    }

    public static long of(JsonNode node) {
        return nonZero(mix(hash(OFFSET, node)));
    }

    public static long of(String text) {
        return nonZero(mix(text(OFFSET, text)));
    }

    /** Fingerprint of the elements [from, to) of an array. */
    public static long ofRange(JsonNode array, int from, int to) {
        long h = OFFSET;
        for (int i = from; i < to; i++) {
            h = hash(h, array.get(i));
        }
        return nonZero(mix(h ^ (to - from)));
    }

    public static long combine(long a, long b) {
        return nonZero(mix(a * 31 + mix(b)));
    }

    private static long hash(long h, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                h = step(h, '{');
                // Order-independent over keys: sum of per-field hashes.
                long fields = 0;
                Iterator<Map.Entry<String, JsonNode>> it = node.fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> f = it.next();
                    fields += mix(hash(text(OFFSET, f.getKey()), f.getValue()));
                }
                return step(h, fields);
            }
            case ARRAY -> {
                h = step(h, '[');
                for (JsonNode element : node) {
                    h = hash(h, element);
                }
                return step(h, ']');
            }
            case STRING -> {
                return text(step(h, '"'), node.textValue());
            }
            case NUMBER -> {
                return text(step(h, '#'), node.numberValue().toString());
            }
            case BOOLEAN -> {
                return step(h, node.booleanValue() ? 't' : 'f');
            }
            default -> {
                return step(h, 'n');
            }
        }
    }

    private static long text(long h, String s) {
        // Two chars per step: half the multiply chain of plain FNV-1a, still a 64-bit fingerprint.
        // A copy, then an array loop: cheaper than charAt, whose bounds and coder checks stay in C1-compiled code.
        char[] c = s.toCharArray();
        int n = c.length;
        int i = 0;
        for (; i + 1 < n; i += 2) {
            h = (h ^ (c[i] | (long) c[i + 1] << 16)) * PRIME;
        }
        if (i < n) {
            h = (h ^ c[i]) * PRIME;
        }
        return (h ^ n) * PRIME;
    }

    private static long step(long h, long v) {
        return (h ^ v) * PRIME;
    }

    /** MurmurHash3 fmix64: spreads FNV's weak high bits. */
    static long mix(long k) {
        k ^= k >>> 33;
        k *= 0xff51afd7ed558ccdL;
        k ^= k >>> 33;
        k *= 0xc4ceb9fe1a85ec53L;
        k ^= k >>> 33;
        return k;
    }

    private static long nonZero(long h) {
        return h == 0 ? 1 : h;
    }
}
