package io.tuneforge.simulator.learning;

/** Turns text into the model's tokens; the learning code does not care which encoding. */
@FunctionalInterface
public interface Tokenizer {
    int[] tokens(String text);
}
