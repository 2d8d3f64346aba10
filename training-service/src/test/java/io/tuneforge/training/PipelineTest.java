package io.tuneforge.training;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
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
import static io.tuneforge.training.TrainingFixtures.validatedDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(SiblingsTestResource.class)
class PipelineTest {

    private static final String GLOBEX = TestTenants.GLOBEX_KEY;

    @Test
    void newValidatedVersionTrainsARegisteredModelWithNoHumanStep() {
        String dataset = validatedDataset(GLOBEX, 40, 31);
        TrainingFixtures.Account account = account(GLOBEX, 2);
        String name = "auto-" + dataset;
        given().header("Authorization", bearer(GLOBEX)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "dataset_id", dataset, "base_model", TrainingFixtures.BASE_MODEL, "account_id", account.id(),
                        "hyperparameters", Map.of("n_epochs", 1), "auto_train", true, "debounce", "PT1S", "min_interval", "PT0S"))
                .when().post("/api/v1/pipelines").then().statusCode(201).body("auto_train", equalTo(true));

        // dataset-service validates a new version; nothing else is done by hand.
        TrainingFixtures.uploadVersion(GLOBEX, dataset, 44, 32);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", bearer(GLOBEX))
                .when().get("/api/v1/pipelines/" + name + "/runs").then().statusCode(200).body("$", hasSize(1))
                .body("[0].reason", equalTo("dataset.validated")).body("[0].job_id", notNullValue()));
        String jobId = given().header("Authorization", bearer(GLOBEX)).when().get("/api/v1/pipelines/" + name + "/runs")
                .then().extract().path("[0].job_id");
        awaitState(GLOBEX, jobId, "succeeded", Duration.ofSeconds(90));
        given().header("Authorization", bearer(GLOBEX)).when().get("/api/v1/jobs/" + jobId).then()
                .body("metadata.tuneforge_pipeline", equalTo(name));
        given().header("Authorization", bearer(GLOBEX)).when().get("/api/v1/models/" + name).then().statusCode(200)
                .body("versions", hasSize(1)).body("versions[0].job_id", equalTo(jobId));
        assertThat(TopicProbe.awaitRecord(Topics.JOB_SUCCEEDED, Duration.ofSeconds(30), r -> jobId.equals(r.key()))).isPresent();
        assertThat(TopicProbe.awaitRecord(Topics.RETRAINING_REQUESTED, Duration.ofSeconds(30), r -> r.value().contains(jobId)))
                .hasValueSatisfying(r -> assertThat(r.value()).contains("\"trigger\":\"dataset.validated\""));
    }
}
