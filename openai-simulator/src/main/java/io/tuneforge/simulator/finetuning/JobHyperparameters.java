package io.tuneforge.simulator.finetuning;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * JobHyperparameters as the API shows them: "auto" until the training file has been validated, numbers
 * after. Beta only exists for DPO.
 */
public record JobHyperparameters(
        Object batchSize,
        Object learningRateMultiplier,
        Object nEpochs,
        @JsonInclude(JsonInclude.Include.NON_NULL) Object beta) {}
