package io.tuneforge.training.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.ArrayList;
import java.util.List;

/**
 * What the user asked for; each value is a number or {@code "auto"} (absent means auto). Bounds are
 * OpenAI's, checked here so a job is refused at once rather than failing minutes later on the provider.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Hyperparameters(Object nEpochs, Object batchSize, Object learningRateMultiplier, Object beta) {

    public static final Hyperparameters AUTO = new Hyperparameters(null, null, null, null);

    /** Problems as "field: message", empty when valid. */
    public List<String> problems(String method) {
        List<String> problems = new ArrayList<>();
        checkInteger("hyperparameters.n_epochs", nEpochs, 1, 50, problems);
        checkInteger("hyperparameters.batch_size", batchSize, 1, 256, problems);
        checkPositive("hyperparameters.learning_rate_multiplier", learningRateMultiplier, 10, problems);
        if (beta != null && !"dpo".equals(method)) {
            problems.add("hyperparameters.beta: only applies to method 'dpo'; remove it or set method to dpo");
        } else {
            checkPositive("hyperparameters.beta", beta, 2, problems);
        }
        return problems;
    }

    private static void checkInteger(String field, Object value, int min, int max, List<String> problems) {
        if (value == null || "auto".equals(value)) {
            return;
        }
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue()) || n.intValue() < min || n.intValue() > max) {
            problems.add(field + ": must be 'auto' or an integer from " + min + " to " + max + ", got " + value);
        }
    }

    private static void checkPositive(String field, Object value, int max, List<String> problems) {
        if (value == null || "auto".equals(value)) {
            return;
        }
        if (!(value instanceof Number n) || n.doubleValue() <= 0 || n.doubleValue() > max) {
            problems.add(field + ": must be 'auto' or a number greater than 0 and at most " + max + ", got " + value);
        }
    }
}
