package io.tuneforge.dataset.validation.tokens;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.util.VersionInfo;
import java.util.BitSet;

/**
 * The character classes of tiktoken's pre-tokenizer ({@code \p{L}}, {@code \p{Lu}} ... {@code \p{M}},
 * {@code \p{N}}) at tiktoken's Unicode version, and where the JDK's regex tables disagree with them.
 *
 * <p>tiktoken's regex engine (Rust {@code regex-syntax}) knows Unicode 16.0; Java 17's {@link Character} stops at
 * Unicode 13.0, so a letter, mark or digit added since (Toto 𞊐, Kawi, Garay, Kannada ೳ ...) is "unassigned"
 * to jtokkit's pre-tokenizer and a piece boundary moves: {@code "𞊐'l"} is 5 tokens for tiktoken, 6 for jtokkit.
 * ICU4J's tables give the classes; characters added after {@link #VERSION} are treated as unassigned, so a newer
 * ICU cannot move the classes past tiktoken's. Built once, on first use (about 30 ms).
 */
final class TiktokenUnicode {

    /** The Unicode version of tiktoken 1.0.22's regex tables (checked by the reference counts in the tests). */
    static final VersionInfo VERSION = VersionInfo.getInstance(16, 0);

    /** The general-category groups the two patterns name. */
    enum Group {
        L, LU, LL, LT, LM, LO, M, N;

        boolean contains(int type) {
            return switch (this) {
                case L -> type >= Character.UPPERCASE_LETTER && type <= Character.OTHER_LETTER;
                case LU -> type == Character.UPPERCASE_LETTER;
                case LL -> type == Character.LOWERCASE_LETTER;
                case LT -> type == Character.TITLECASE_LETTER;
                case LM -> type == Character.MODIFIER_LETTER;
                case LO -> type == Character.OTHER_LETTER;
                case M -> type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                        || type == Character.COMBINING_SPACING_MARK;
                case N -> type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                        || type == Character.OTHER_NUMBER;
            };
        }

        String javaName() {
            return switch (this) {
                case L -> "L";
                case LU -> "Lu";
                case LL -> "Ll";
                case LT -> "Lt";
                case LM -> "Lm";
                case LO -> "Lo";
                case M -> "M";
                case N -> "N";
            };
        }
    }

    private static final TiktokenUnicode INSTANCE = new TiktokenUnicode();

    /** Code points whose group differs between the JDK and tiktoken: only text holding one needs the ICU pattern. */
    private final BitSet differing = new BitSet(Character.MAX_CODE_POINT + 1);
    private final BitSet[] added = new BitSet[Group.values().length];
    private final BitSet[] removed = new BitSet[Group.values().length];
    private final int firstDiffering;

    private TiktokenUnicode() {
        for (Group g : Group.values()) {
            added[g.ordinal()] = new BitSet();
            removed[g.ordinal()] = new BitSet();
        }
        int first = Integer.MAX_VALUE;
        for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
            int jdk = Character.getType(cp);
            // the age lookup is the slow part: only characters the two tables disagree on need it
            if (jdk == UCharacter.getType(cp)) {
                continue;
            }
            int tiktoken = tiktokenType(cp);
            if (jdk == tiktoken) {
                continue;
            }
            for (Group g : Group.values()) {
                boolean inJdk = g.contains(jdk);
                boolean inTiktoken = g.contains(tiktoken);
                if (inJdk != inTiktoken) {
                    (inTiktoken ? added : removed)[g.ordinal()].set(cp);
                    differing.set(cp);
                    first = Math.min(first, cp);
                }
            }
        }
        firstDiffering = first;
    }

    static TiktokenUnicode get() {
        return INSTANCE;
    }

    /** The general category tiktoken sees (Character's constants, which are ICU's): unassigned if newer than VERSION. */
    static int tiktokenType(int cp) {
        return UCharacter.getAge(cp).compareTo(VERSION) > 0 ? Character.UNASSIGNED : UCharacter.getType(cp);
    }

    /** True when some character of {@code s[from, to)} is classified differently by the JDK and by tiktoken. */
    boolean differs(char[] s, int from, int to) {
        int min = firstDiffering;
        for (int i = from; i < to; i++) {
            char c = s[i];
            if (c < min) {
                continue;
            }
            int cp = c;
            if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(s[i + 1])) {
                cp = Character.toCodePoint(c, s[++i]);
            }
            if (differing.get(cp)) {
                return true;
            }
        }
        return false;
    }

    /** A Java regex class (with {@code Pattern.UNICODE_CHARACTER_CLASS}) equal to tiktoken's {@code \p{<group>}}. */
    String javaClass(Group g) {
        String base = "\\p{" + g.javaName() + "}";
        BitSet add = added[g.ordinal()];
        BitSet remove = removed[g.ordinal()];
        if (add.isEmpty() && remove.isEmpty()) {
            return base;
        }
        StringBuilder b = new StringBuilder("[").append(base);
        ranges(add, b);
        if (!remove.isEmpty()) {
            b.append("&&[^");
            ranges(remove, b);
            b.append(']');
        }
        return b.append(']').toString();
    }

    /** For tests: tiktoken's membership of a code point in a group. */
    static boolean inGroup(Group g, int cp) {
        return g.contains(tiktokenType(cp));
    }

    private static void ranges(BitSet set, StringBuilder b) {
        for (int from = set.nextSetBit(0); from >= 0; ) {
            int to = set.nextClearBit(from) - 1;
            b.append("\\x{").append(Integer.toHexString(from)).append('}');
            if (to > from) {
                b.append("-\\x{").append(Integer.toHexString(to)).append('}');
            }
            from = set.nextSetBit(to + 1);
        }
    }
}
