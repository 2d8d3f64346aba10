package io.tuneforge.training.submission;

import io.tuneforge.training.domain.FineTuneJob;

import java.util.List;

/** What became of a {@link JobOrder}: a queued job, or the fields that break OpenAI's or tuneforge's rules. */
public sealed interface Submission {

    /** The job is queued (and its {@code job.queued} event is in the outbox). */
    record Accepted(FineTuneJob job) implements Submission {
    }

    /** Nothing was created; each field says what is wrong and how to fix it. */
    record Rejected(List<Field> errors) implements Submission {
        public Rejected {
            errors = List.copyOf(errors);
        }
    }

    record Field(String field, String message) {
    }
}
