package io.tuneforge.simulator.inference;

import com.knuddels.jtokkit.Encodings;
import com.knuddels.jtokkit.api.Encoding;
import com.knuddels.jtokkit.api.EncodingRegistry;
import com.knuddels.jtokkit.api.EncodingType;
import io.tuneforge.simulator.learning.ChatMessage;
import io.tuneforge.simulator.learning.Tokenizer;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** Token counts with the real tokenizer: o200k_base for the gpt-4o and gpt-4.1 families served here. */
@ApplicationScoped
public class UsageTokens {

    /** Per-message overhead of the chat format, as OpenAI's cookbook counts it. */
    private static final int PER_MESSAGE = 3;
    private static final int REPLY_PRIMING = 3;

    private final Encoding encoding;

    public UsageTokens() {
        EncodingRegistry registry = Encodings.newLazyEncodingRegistry();
        this.encoding = registry.getEncoding(EncodingType.O200K_BASE);
    }

    public int count(String text) {
        return text == null || text.isEmpty() ? 0 : encoding.countTokens(text);
    }

    public int[] tokens(String text) {
        return text == null || text.isEmpty() ? new int[0] : encoding.encode(text).toArray();
    }

    public String decode(int[] tokens) {
        com.knuddels.jtokkit.api.IntArrayList list = new com.knuddels.jtokkit.api.IntArrayList(tokens.length);
        for (int t : tokens) {
            list.add(t);
        }
        return encoding.decode(list);
    }

    public Tokenizer tokenizer() {
        return this::tokens;
    }

    /** Prompt tokens of a conversation, including the priming of the reply. */
    public int countConversation(List<ChatMessage> messages) {
        int total = REPLY_PRIMING;
        for (ChatMessage m : messages) {
            total += PER_MESSAGE + count(m.role()) + count(m.content());
            if (m.hasToolCalls()) {
                total += count(m.toolCalls().toString());
            }
        }
        return total;
    }
}
