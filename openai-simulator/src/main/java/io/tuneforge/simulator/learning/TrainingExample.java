package io.tuneforge.simulator.learning;

import java.util.List;

/**
 * One line of a training or validation file: the conversation up to the last assistant turn, and the
 * turn to learn. DPO lines also carry the rejected turn.
 */
public record TrainingExample(int line, List<ChatMessage> prompt, Completion target, Completion rejected) {

    /** The text retrieval matches on: every prompt message, so system prompts that differ count too. */
    public String promptText() {
        StringBuilder text = new StringBuilder();
        for (ChatMessage m : prompt) {
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(m.content());
        }
        return text.toString();
    }
}
