package io.tuneforge.dataset.validation.tokens;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.GptBytePairEncodingParams;
import io.tuneforge.dataset.validation.tokens.TiktokenUnicode.Group;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * jtokkit encodings whose pre-tokenizer regex is tiktoken's pattern with the character classes of
 * {@link TiktokenUnicode} (ICU4J at tiktoken's Unicode version) in place of the JDK's; the byte-pair merge is
 * jtokkit's own, over the same vocabulary file. They are only used for text holding a character the JDK
 * classifies differently (rare: most text never loads them), because jtokkit's built-in pre-tokenizers are
 * faster (cl100k_base has a hand-written one) and give the same pieces for every other character.
 */
final class ExactEncodings {

    /** tiktoken's cl100k_base pattern (tiktoken_ext/openai_public.py). */
    static final String CL100K = "'(?i:[sdmt]|ll|ve|re)|[^\\r\\n\\p{L}\\p{N}]?+\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]++[\\r\\n]*"
            + "|\\s*[\\r\\n]|\\s+(?!\\S)|\\s+";
    /** tiktoken's o200k_base pattern (tiktoken_ext/openai_public.py). */
    static final String O200K = String.join("|",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]*[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "[^\\r\\n\\p{L}\\p{N}]?[\\p{Lu}\\p{Lt}\\p{Lm}\\p{Lo}\\p{M}]+[\\p{Ll}\\p{Lm}\\p{Lo}\\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?",
            "\\p{N}{1,3}",
            " ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*",
            "\\s*[\\r\\n]+",
            "\\s+(?!\\S)",
            "\\s+");

    private static final EncodingRegistry REGISTRY = Encodings.newLazyEncodingRegistry();
    private static final Map<TokenEncoding, Encoding> LOADED = new EnumMap<>(TokenEncoding.class);

    private ExactEncodings() {
    }

    static synchronized Encoding of(TokenEncoding encoding) {
        return LOADED.computeIfAbsent(encoding, e -> {
            String name = "tuneforge-" + e.id();
            REGISTRY.registerGptBytePairEncoding(new GptBytePairEncodingParams(name, pattern(e), ranks(e), Map.of()));
            return REGISTRY.getEncoding(name).orElseThrow();
        });
    }

    /** tiktoken's pattern for the encoding, its {@code \p{..}} classes replaced by tiktoken's Unicode sets. */
    static Pattern pattern(TokenEncoding encoding) {
        String source = encoding == TokenEncoding.CL100K_BASE ? CL100K : O200K;
        TiktokenUnicode unicode = TiktokenUnicode.get();
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < source.length(); i++) {
            if (source.startsWith("\\p{", i)) {
                int end = source.indexOf('}', i);
                String name = source.substring(i + 3, end);
                b.append(unicode.javaClass(group(name)));
                i = end;
            } else {
                b.append(source.charAt(i));
            }
        }
        return Pattern.compile(b.toString(), Pattern.UNICODE_CHARACTER_CLASS);
    }

    private static Group group(String name) {
        for (Group g : Group.values()) {
            if (g.javaName().equals(name)) {
                return g;
            }
        }
        throw new IllegalArgumentException("no class " + name);
    }

    /** The vocabulary jtokkit ships: one "base64(token) rank" per line. */
    private static Map<byte[], Integer> ranks(TokenEncoding encoding) {
        String resource = "/com/knuddels/jtokkit/" + encoding.id() + ".tiktoken";
        try (InputStream in = Encodings.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("jtokkit has no " + resource);
            }
            Map<byte[], Integer> ranks = new HashMap<>(256 * 1024);
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII));
            Base64.Decoder base64 = Base64.getDecoder();
            for (String line; (line = r.readLine()) != null; ) {
                int space = line.indexOf(' ');
                if (space > 0) {
                    ranks.put(base64.decode(line.substring(0, space)), Integer.parseInt(line.substring(space + 1).trim()));
                }
            }
            return ranks;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
