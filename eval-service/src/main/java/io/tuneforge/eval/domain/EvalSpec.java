package io.tuneforge.eval.domain;

import java.util.List;
import java.util.Optional;

/**
 * What a run evaluates and how; stored with the run so a resumed run does exactly the same.
 *
 * @param judge the model-graded evaluation, or null for none
 */
public record EvalSpec(List<ModelUnderTest> models, EvalTask task, GateSettings gates, int maxConcurrency, JudgeSpec judge) {

    public Optional<ModelUnderTest> model(ModelRole role) {
        return models.stream().filter(m -> m.role() == role).findFirst();
    }

    /** A run of the base model alone: answers "is prompting enough?" before any training. */
    public boolean baselineOnly() {
        return model(ModelRole.CANDIDATE).isEmpty();
    }

    public Optional<JudgeSpec> judgeSpec() {
        return Optional.ofNullable(judge);
    }
}
