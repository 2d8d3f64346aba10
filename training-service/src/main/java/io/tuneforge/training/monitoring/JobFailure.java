package io.tuneforge.training.monitoring;

import java.util.Locale;

/**
 * Why a job failed, in the kinds of the {@code job.failed} contract, with what to do about it. Sorted
 * from the provider's error code and message, since OpenAI reports causes only there.
 */
public record JobFailure(String kind, String message, String advice) {

    public static JobFailure classify(String code, String message) {
        String text = ((code == null ? "" : code) + " " + (message == null ? "" : message)).toLowerCase(Locale.ROOT);
        if (text.contains("moderation") || text.contains("safety") || text.contains("policy") || text.contains("flagged")) {
            return new JobFailure("moderation", message, "The training data was flagged by the provider's safety checks: remove "
                    + "or rewrite the flagged examples (see the job's events), upload a new dataset version and retry.");
        }
        if (text.contains("quota") || text.contains("billing") || text.contains("insufficient") || text.contains("hard limit")) {
            return new JobFailure("quota", message, "The provider account is out of quota or credit: raise its billing limit or use "
                    + "another account, then create the job again.");
        }
        if (text.contains("invalid_training_file") || text.contains("invalid_validation_file") || text.contains("file")
                || text.contains("format") || text.contains("line") || text.contains("example") || text.contains("jsonl")
                || text.contains("token")) {
            return new JobFailure("data_format", message, "The provider refused the data: fix the lines it names (dataset-service "
                    + "validation shows the same checks with line numbers), upload a new version and retry.");
        }
        return new JobFailure("provider_error", message, "The provider failed the job for a reason of its own: retry it; if it "
                + "fails again, check the provider's status page and the job's events.");
    }
}
