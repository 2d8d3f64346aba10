package io.tuneforge.training.pipeline;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CronScheduleTest {

    @Test
    void unixExpressionsRunAtTheirNextTimeInUtc() {
        assertThat(CronSchedule.problem("0 3 * * 1")).isNull();
        // 2026-11-26 is a Thursday: the next Monday 03:00 UTC is 2026-11-30.
        assertThat(CronSchedule.nextAfter("0 3 * * 1", Instant.parse("2026-11-26T07:00:00Z")))
                .contains(Instant.parse("2026-11-30T03:00:00Z"));
        assertThat(CronSchedule.nextAfter("*/15 * * * *", Instant.parse("2026-11-26T07:00:00Z")))
                .contains(Instant.parse("2026-11-26T07:15:00Z"));
    }

    @Test
    void malformedOrNonUnixExpressionsAreRefused() {
        assertThat(CronSchedule.problem("every monday")).isNotNull();
        assertThat(CronSchedule.problem("0 0 3 * * ?")).as("Quartz, 6 fields").isNotNull();
        assertThat(CronSchedule.problem("61 * * * *")).isNotNull();
        assertThat(CronSchedule.problem("")).isNotNull();
    }
}
