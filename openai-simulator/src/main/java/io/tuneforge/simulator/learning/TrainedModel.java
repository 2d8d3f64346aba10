package io.tuneforge.simulator.learning;

import java.util.BitSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * What a fine-tuned model answers: the answer the most similar training prompts agree on, weighted by
 * similarity. Contradictory examples split the vote, and an undertrained model (few effective epochs)
 * only answers from memory when the prompt is close to one it has seen; otherwise the base model speaks.
 */
public final class TrainedModel {

    private static final int VOTERS = 5;

    private final List<TrainingExample> examples;
    private final PromptIndex index;
    private final BitSet memory;
    private final double progress;

    TrainedModel(List<TrainingExample> examples, PromptIndex index, BitSet memory, double progress) {
        this.examples = examples;
        this.index = index;
        this.memory = memory;
        this.progress = progress;
    }

    /** Below this similarity the model does not recall; it shrinks as training goes on. */
    double recallThreshold() {
        return 0.35 * Math.exp(-progress);
    }

    /**
     * The recalled answer, or empty when nothing seen is close enough. With a sampler and a positive
     * temperature the vote is sampled instead of taken greedily.
     */
    public Optional<Completion> answer(String prompt, Random sampler, double temperature) {
        List<PromptIndex.Neighbor> neighbors = index.nearest(prompt, memory, VOTERS);
        if (neighbors.isEmpty() || neighbors.get(0).similarity() < recallThreshold()) {
            return Optional.empty();
        }
        Map<String, Double> votes = new LinkedHashMap<>();
        Map<String, Completion> byText = new LinkedHashMap<>();
        for (PromptIndex.Neighbor n : neighbors) {
            Completion c = examples.get(n.index()).target();
            votes.merge(c.learnedText(), Math.pow(n.similarity(), 4), Double::sum);
            byText.putIfAbsent(c.learnedText(), c);
        }
        String chosen = null;
        if (sampler != null && temperature > 0) {
            double total = 0;
            for (double v : votes.values()) {
                total += Math.pow(v, 1 / temperature);
            }
            double draw = sampler.nextDouble() * total;
            for (Map.Entry<String, Double> e : votes.entrySet()) {
                draw -= Math.pow(e.getValue(), 1 / temperature);
                if (draw <= 0) {
                    chosen = e.getKey();
                    break;
                }
            }
        }
        if (chosen == null) {
            double best = -1;
            for (Map.Entry<String, Double> e : votes.entrySet()) {
                if (e.getValue() > best) {
                    best = e.getValue();
                    chosen = e.getKey();
                }
            }
        }
        return Optional.of(byText.get(chosen));
    }
}
