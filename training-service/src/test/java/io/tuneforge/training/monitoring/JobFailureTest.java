package io.tuneforge.training.monitoring;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JobFailureTest {

    @Test
    void providerErrorsAreSortedIntoTheContractsKinds() {
        assertThat(JobFailure.classify("invalid_training_file", "line 3: missing messages").kind()).isEqualTo("data_format");
        assertThat(JobFailure.classify("invalid_request_error", "The job failed due to moderation: flagged content").kind())
                .isEqualTo("moderation");
        assertThat(JobFailure.classify("insufficient_quota", "You exceeded your current quota").kind()).isEqualTo("quota");
        assertThat(JobFailure.classify("server_error", "The job failed unexpectedly").kind()).isEqualTo("provider_error");
        assertThat(JobFailure.classify(null, null).advice()).isNotBlank();
    }
}
