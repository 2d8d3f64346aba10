package io.tuneforge.dataset.validation.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Counts tokens exactly as tiktoken's {@code encode_ordinary} does. Two deliberate choices:
 * special-token text such as "<|endoftext|>" is counted as ordinary text (it is reported separately as an
 * error), and lone UTF-16 surrogates (from "\ud83d" escapes) become U+FFFD first, as tiktoken does; the JDK
 * would otherwise encode them as '?' and change the count. Thread-safe.
 *
 * <p>Speed: the text is cut at {@link TextChunks positions where tiktoken's pre-tokenizer always starts a new
 * piece}, so each chunk encodes independently and the total is unchanged; short chunks (words with their
 * leading space) repeat constantly and are counted once per thread from a cache. This skips most of jtokkit's
 * regex and BPE work, which is nearly all of the validator's CPU time.
 */
public final class TokenCounter {

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    private static final int CACHED_CHUNK_CHARS = 64;

    private final TokenEncoding encoding;
    /**
     * Loading a vocabulary takes ~0.6 s; it runs on its own thread so the caller meanwhile starts reading and
     * parsing (the PII scanner's phone metadata and Jackson load in parallel). The first cache miss waits for it.
     */
    private final CompletableFuture<Encoding> jtokkit;
    private final ThreadLocal<ChunkCountCache> chunkCache = ThreadLocal.withInitial(ChunkCountCache::new);

    public TokenCounter(TokenEncoding encoding) {
        this.encoding = encoding;
        this.jtokkit = CompletableFuture.supplyAsync(() -> REGISTRY.getEncoding(encoding.jtokkitType()), TokenCounter::loadInBackground);
    }

    public TokenEncoding encoding() {
        return encoding;
    }

    public int count(String text) {
        return text.isEmpty() ? 0 : count(text, text.toCharArray());
    }

    /** Same as {@link #count(String)} when the caller already holds the text's chars (they are not modified). */
    public int count(String text, char[] chars) {
        if (chars.length == 0) {
            return 0;
        }
        if (hasLoneSurrogate(chars)) {
            chars = withoutLoneSurrogates(text).toCharArray();
        }
        ChunkCountCache cache = chunkCache.get();
        int n = chars.length;
        int total = 0;
        int start = 0;
        int hash = chars[0];
        for (int i = 1; i < n; i++) {
            char c = chars[i];
            if (i < n - 1 && TextChunks.startsPiece(chars, i)) {
                total += countChunk(chars, start, i, hash, cache);
                start = i;
                hash = 0;
            }
            hash = 31 * hash + c;
        }
        return total + countChunk(chars, start, n, hash, cache);
    }

    /** The uncached, unsplit count: what tiktoken computes. For tests of the chunking. */
    int countWhole(String text) {
        String s = withoutLoneSurrogates(text);
        return encode(s.toCharArray(), 0, s.length());
    }

    /**
     * tiktoken's count of {@code chars[from, to)}: jtokkit's own pre-tokenizer unless a character in it is one the
     * JDK's Unicode tables classify differently from tiktoken's (see {@link TiktokenUnicode}).
     */
    private int encode(char[] chars, int from, int to) {
        String s = new String(chars, from, to - from);
        return TiktokenUnicode.get().differs(chars, from, to)
                ? ExactEncodings.of(encoding).countTokensOrdinary(s)
                : jtokkit().countTokensOrdinary(s);
    }

    private Encoding jtokkit() {
        try {
            return jtokkit.join();
        } catch (CompletionException e) {
            throw new IllegalStateException("the " + encoding.id() + " vocabulary could not be loaded", e.getCause());
        }
    }

    private static void loadInBackground(Runnable load) {
        Thread t = new Thread(load, "token-vocabulary-loader");
        t.setDaemon(true);
        t.start();
    }

    private int countChunk(char[] chars, int from, int to, int hash, ChunkCountCache cache) {
        if (to - from > CACHED_CHUNK_CHARS) {
            return encode(chars, from, to);
        }
        int n = cache.get(chars, from, to, hash);
        if (n < 0) {
            n = encode(chars, from, to);
            cache.put(chars, from, to, hash, n);
        }
        return n;
    }

    private static boolean hasLoneSurrogate(char[] s) {
        int n = s.length;
        for (int i = 0; i < n; i++) {
            char c = s[i];
            if (c >= Character.MIN_SURROGATE && c <= Character.MAX_SURROGATE) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s[i + 1])) {
                    i++;
                } else {
                    return true;
                }
            }
        }
        return false;
    }

    static String withoutLoneSurrogates(String s) {
        int n = s.length();
        int i = 0;
        while (i < n) {
            char c = s.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    i += 2;
                    continue;
                }
                return replaceLoneSurrogates(s, i);
            }
            i++;
        }
        return s;
    }

    private static String replaceLoneSurrogates(String s, int from) {
        StringBuilder b = new StringBuilder(s.length());
        b.append(s, 0, from);
        int n = s.length();
        for (int i = from; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                b.append(c).append(s.charAt(i + 1));
                i++;
            } else if (Character.isSurrogate(c)) {
                b.append('\uFFFD');
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}
