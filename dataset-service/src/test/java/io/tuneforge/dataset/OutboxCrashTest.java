package io.tuneforge.dataset;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.events.Topics;
import io.tuneforge.platform.outbox.OutboxRelay;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service stops between committing a change and publishing its event (the relay is halted, as
 * in a crash right after commit). The event waits in the outbox and is published once the relay
 * runs again: nothing is lost, and it is on the topic once.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class OutboxCrashTest {

    @Inject
    OutboxRelay relay;

    @AfterEach
    void restart() {
        relay.resume();
    }

    @Test
    void eventCommittedBeforeTheCrashIsPublishedAfterRestartExactlyOnce() {
        relay.pause();
        String id = DatasetApiTest.createDataset(TestTenants.ACME_KEY, "crash-between-commit-and-publish");
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/jsonl")
                .body(SampleData.bytes(SampleData.supervised(15))).when().post("/api/v1/datasets/" + id + "/versions")
                .then().statusCode(201);

        assertThat(TopicProbe.awaitRecord(Topics.DATASET_VALIDATED, Duration.ofSeconds(3), r -> id.equals(r.key())))
                .as("nothing is published while the relay is down").isEmpty();

        relay.resume();

        TopicProbe.awaitRecord(Topics.DATASET_VALIDATED, Duration.ofSeconds(20), r -> id.equals(r.key()))
                .orElseThrow(() -> new AssertionError("event lost: it was committed but never published"));
        long copies = TopicProbe.readAll(Topics.DATASET_VALIDATED, Duration.ofSeconds(3)).stream()
                .filter(r -> id.equals(r.key())).count();
        assertThat(copies).isEqualTo(1);
    }
}
