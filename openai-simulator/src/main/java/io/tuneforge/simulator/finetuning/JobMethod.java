package io.tuneforge.simulator.finetuning;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The job's `method` object: its type and the hyperparameters under that type's key. */
public record JobMethod(
        String type,
        @JsonInclude(JsonInclude.Include.NON_NULL) Detail supervised,
        @JsonInclude(JsonInclude.Include.NON_NULL) Detail dpo) {

    public record Detail(JobHyperparameters hyperparameters) {}

    public static JobMethod of(String type, JobHyperparameters hyperparameters) {
        Detail detail = new Detail(hyperparameters);
        return new JobMethod(type, type.equals("supervised") ? detail : null, type.equals("dpo") ? detail : null);
    }
}
