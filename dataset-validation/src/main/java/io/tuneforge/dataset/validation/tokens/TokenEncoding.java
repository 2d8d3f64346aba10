package io.tuneforge.dataset.validation.tokens;

import com.knuddels.jtokkit.api.EncodingType;

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
}
