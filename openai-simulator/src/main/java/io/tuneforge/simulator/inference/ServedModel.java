package io.tuneforge.simulator.inference;

import io.tuneforge.simulator.learning.TrainedModel;

/**
 * A model that can answer: its base, and for a fine-tuned model what it learned and the model it was
 * trained from (asked when the fine-tuned model recalls nothing close).
 */
public record ServedModel(String id, BaseModel base, TrainedModel trained, String parent) {

    public boolean fineTuned() {
        return trained != null;
    }
}
