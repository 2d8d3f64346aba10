package io.tuneforge.training;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.events.Topics;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static io.tuneforge.training.TrainingFixtures.account;
import static io.tuneforge.training.TrainingFixtures.awaitState;
import static io.tuneforge.training.TrainingFixtures.createJob;
import static io.tuneforge.training.TrainingFixtures.job;
import static io.tuneforge.training.TrainingFixtures.providerJobs;
import static io.tuneforge.training.TrainingFixtures.validatedDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(SiblingsTestResource.class)
class JobControlTest {

    private static final String ACME = TestTenants.ACME_KEY;

    @Test
    void runningJobPausesResumesAndFinishes() {
        // 96 training examples x 40 epochs = 3,840 simulated steps (~19 s): long enough that the pause lands while the
        // job runs even on a loaded machine (40 examples finished in ~6 s, sometimes before the request arrived).
        String dataset = validatedDataset(ACME, 120, 3);
        TrainingFixtures.Account account = account(ACME, 2);
        String jobId = createJob(ACME, job(dataset, account.id(), Map.of("n_epochs", 40, "batch_size", 1)));
        awaitState(ACME, jobId, "running", Duration.ofSeconds(60));
        given().header("Authorization", bearer(ACME)).when().post("/api/v1/jobs/" + jobId + "/pause").then().statusCode(200)
                .body("state", equalTo("paused"));
        assertThat(providerJobs(account.organization()).get(0).get("status")).isEqualTo("paused");
        given().header("Authorization", bearer(ACME)).when().post("/api/v1/jobs/" + jobId + "/resume").then().statusCode(200)
                .body("state", equalTo("running"));
        awaitState(ACME, jobId, "succeeded", Duration.ofSeconds(120));
    }

    @Test
    void runningJobIsCancelledOnTheProviderToo() {
        // ~32 s of simulated training: the cancel must win against completion however slow the machine is.
        String dataset = validatedDataset(ACME, 200, 4);
        TrainingFixtures.Account account = account(ACME, 2);
        String jobId = createJob(ACME, job(dataset, account.id(), Map.of("n_epochs", 40, "batch_size", 1)));
        awaitState(ACME, jobId, "running", Duration.ofSeconds(60));
        given().header("Authorization", bearer(ACME)).when().post("/api/v1/jobs/" + jobId + "/cancel").then().statusCode(202)
                .body("cancel_requested", equalTo(true));
        awaitState(ACME, jobId, "cancelled", Duration.ofSeconds(30));
        assertThat(providerJobs(account.organization()).get(0).get("status")).isEqualTo("cancelled");
        assertThat(TopicProbe.awaitRecord(Topics.JOB_CANCELLED, Duration.ofSeconds(20), r -> jobId.equals(r.key()))).isPresent();
        given().header("Authorization", bearer(ACME)).when().post("/api/v1/jobs/" + jobId + "/cancel").then().statusCode(409);
    }

    @Test
    void waitingJobIsHeldByPauseAndCancelledAtOnce() {
        String dataset = validatedDataset(ACME, 120, 5);
        TrainingFixtures.Account account = account(ACME, 1);
        String blocker = createJob(ACME, job(dataset, account.id(), Map.of("n_epochs", 40, "batch_size", 1)));
        awaitState(ACME, blocker, "running", Duration.ofSeconds(60));
        String waiting = createJob(ACME, job(dataset, account.id(), Map.of("n_epochs", 1)));
        given().header("Authorization", bearer(ACME)).when().post("/api/v1/jobs/" + waiting + "/pause").then().statusCode(200)
                .body("state", equalTo("paused"));
        given().header("Authorization", bearer(ACME)).when().post("/api/v1/jobs/" + waiting + "/resume").then().statusCode(200)
                .body("state", equalTo("waiting_for_slot"));
        given().header("Authorization", bearer(ACME)).when().post("/api/v1/jobs/" + waiting + "/cancel").then().statusCode(200)
                .body("state", equalTo("cancelled"));
        given().header("Authorization", bearer(ACME)).when().post("/api/v1/jobs/" + blocker + "/cancel").then().statusCode(202);
        awaitState(ACME, blocker, "cancelled", Duration.ofSeconds(30));
        assertThat(providerJobs(account.organization())).hasSize(1);
    }
}
