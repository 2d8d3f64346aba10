package io.tuneforge.simulator.inference;

/** A model OpenAI serves: its snapshot name, limits, and whether it can be fine-tuned. */
public record BaseModel(String id, String snapshot, long created, int contextWindow, int maxOutputTokens, int trainingExampleTokens,
                        boolean fineTunable, int answerSentences) {}
