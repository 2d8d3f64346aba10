package io.tuneforge.simulator.learning;

import java.util.List;

/** The examples of a file and, when it is unusable, what is wrong with it by line. */
public record ParsedTrainingSet(List<TrainingExample> examples, List<String> problems) {

    public boolean usable() {
        return problems.isEmpty();
    }
}
