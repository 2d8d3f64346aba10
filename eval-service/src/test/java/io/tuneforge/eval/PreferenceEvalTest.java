package io.tuneforge.eval;

import com.openai.client.OpenAIClient;
import com.openai.core.MultipartField;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FilePurpose;
import com.openai.models.finetuning.jobs.FineTuningJob;
import com.openai.models.finetuning.jobs.JobCreateParams;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.SiblingServices;
import io.tuneforge.testsupport.SupportTickets;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.eval.EvalFixtures.BASE_MODEL;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/**
 * A preference (DPO) dataset is evaluated too: its held-out pairs ask each model the input, score the
 * answers against the preferred one, and count how often each answer is nearer the preferred than the
 * non-preferred answer (the gate preference_above_baseline).
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(EvalSiblings.class)
class PreferenceEvalTest {

    private static final String KEY = TestTenants.ACME_KEY;

    @Test
    void aModelTrainedWithDpoIsNearerThePreferredAnswersThanItsBaseAndTheGatesSaySo() {
        String datasetId = preferenceDataset(SupportTickets.preferenceJsonl(200, 31));
        String tuned = fineTuneWithDpo(datasetId);

        String evalId = EvalFixtures.startEval(KEY, Map.of("dataset_id", datasetId, "models", EvalFixtures.models(tuned, BASE_MODEL),
                "task", Map.of("kind", "generation"), "max_concurrency", 4));
        EvalFixtures.awaitState(KEY, evalId, "completed");

        JsonPath report = given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + evalId + "/report")
                .then().statusCode(200).extract().jsonPath();
        double tunedRate = report.getDouble("models.find { it.role == 'candidate' }.preferred_rate");
        double baseRate = report.getDouble("models.find { it.role == 'baseline' }.preferred_rate");
        assertThat(tunedRate).as("fine-tuned answers nearer the preferred answer").isGreaterThan(baseRate).isGreaterThanOrEqualTo(0.8);
        assertThat(report.getBoolean("gates.find { it.gate == 'preference_above_baseline' }.passed")).isTrue();
        assertThat(report.getString("gates.find { it.gate == 'preference_above_baseline' }.detail"))
                .contains("closer to the preferred than to the non-preferred answer");
        assertThat(report.getDouble("comparison.find { it.metric == 'closer_to_preferred' }.improvement")).isPositive();
        // The preferred answer is the reference of every other metric.
        assertThat(report.getDouble("models.find { it.role == 'candidate' }.exact_match")).isGreaterThan(
                report.getDouble("models.find { it.role == 'baseline' }.exact_match"));
        given().header("Authorization", bearer(KEY)).queryParam("format", "markdown").when().get("/api/v1/evals/" + evalId + "/report")
                .then().statusCode(200).body(containsString("| closer_to_preferred |"))
                .body(containsString("| preference_above_baseline |"));
    }

    private static String preferenceDataset(String jsonl) {
        String datasets = SiblingServices.baseUrl("dataset-service");
        String id = given().baseUri(datasets).header("Authorization", bearer(KEY)).contentType(ContentType.JSON)
                .body(Map.of("name", "pref-" + UUID.randomUUID().toString().substring(0, 6), "method", "dpo"))
                .when().post("/api/v1/datasets").then().statusCode(201).extract().path("id");
        given().baseUri(datasets).header("Authorization", bearer(KEY)).contentType("application/jsonl")
                .body(jsonl.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/datasets/" + id + "/versions").then().statusCode(201).body("status", equalTo("validated"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", bearer(KEY))
                .queryParam("dataset_id", id).when().get("/api/v1/test-sets").then().statusCode(200).body("$", hasSize(1)));
        return id;
    }

    private static String fineTuneWithDpo(String datasetId) {
        OpenAIClient client = EvalFixtures.simulator();
        String file = client.files().create(FileCreateParams.builder()
                .file(MultipartField.<java.io.InputStream>builder()
                        .value(new ByteArrayInputStream(EvalFixtures.split(KEY, datasetId, "train").getBytes(StandardCharsets.UTF_8)))
                        .filename(datasetId + "-train.jsonl").build())
                .purpose(FilePurpose.FINE_TUNE).build()).id();
        String jobId = client.fineTuning().jobs().create(JobCreateParams.builder().model(BASE_MODEL).trainingFile(file).seed(7L)
                .method(JobCreateParams.Method.builder().type(JobCreateParams.Method.Type.DPO).build()).build()).id();
        FineTuningJob job = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.fineTuning().jobs().retrieve(jobId), j -> List.of(FineTuningJob.Status.SUCCEEDED,
                        FineTuningJob.Status.FAILED, FineTuningJob.Status.CANCELLED).contains(j.status()));
        assertThat(job.status()).as("DPO fine-tuning job %s: %s", jobId, job.error()).isEqualTo(FineTuningJob.Status.SUCCEEDED);
        return job.fineTunedModel().orElseThrow();
    }
}
