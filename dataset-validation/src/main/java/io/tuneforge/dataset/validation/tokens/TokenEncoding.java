package io.tuneforge.dataset.validation.tokens;

import com.knuddels.jtokkit.api.EncodingType;
import java.util.Locale;

/** The BPE vocabularies a fine-tunable OpenAI model may use. */
public enum TokenEncoding {
    O200K_BASE("o200k_base", EncodingType.O200K_BASE),
    CL100K_BASE("cl100k_base", EncodingType.CL100K_BASE);

    private final String id;
    private final EncodingType jtokkitType;

    TokenEncoding(String id, EncodingType jtokkitType) {
        this.id = id;
        this.jtokkitType = jtokkitType;
    }

    public String id() {
        return id;
    }

    EncodingType jtokkitType() {
        return jtokkitType;
    }

    public static TokenEncoding fromId(String id) {
        for (TokenEncoding e : values()) {
            if (e.id.equals(id)) {
                return e;
            }
        }
        throw new IllegalArgumentException("unknown encoding '" + id + "': use o200k_base or cl100k_base");
    }

    /** gpt-4o, gpt-4.1 and the o-series use o200k_base; gpt-3.5-turbo and gpt-4 use cl100k_base. */
    public static TokenEncoding forModel(String model) {
        String m = model.toLowerCase(Locale.ROOT);
        if (m.startsWith("gpt-4o") || m.startsWith("gpt-4.1") || m.startsWith("gpt-4.5") || m.startsWith("gpt-5")
                || m.matches("^o\\d.*")) {
            return O200K_BASE;
        }
        return CL100K_BASE;
    }
}
