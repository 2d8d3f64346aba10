package io.tuneforge.eval;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.MultipartField;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FilePurpose;
import com.openai.models.finetuning.jobs.FineTuningJob;
import com.openai.models.finetuning.jobs.JobCreateParams;
import io.restassured.http.ContentType;
import io.tuneforge.testsupport.SiblingServices;
import io.tuneforge.testsupport.SupportTickets;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Real data for the tests: a dataset validated by dataset-service, a model fine-tuned on its train split by the simulator. */
final class EvalFixtures {

    static final String BASE_MODEL = "gpt-4o-mini";
    static final List<String> LABELS = SupportTickets.LABELS;
    static final String LABEL_REGEX = String.join("|", LABELS);

    private EvalFixtures() {
    }

    /** Support tickets whose category shows in their words; with {@code contradictory} labels are drawn at random instead. */
    static String tickets(int count, long seed, boolean contradictory) {
        return SupportTickets.jsonl(count, seed, contradictory);
    }

    static String line(String system, String user, String assistant) {
        return SupportTickets.chatLine(system, user, assistant);
    }

    /** Uploads {@code jsonl} as version 1 of a new dataset and waits until eval-service knows its test split. */
    static String validatedDataset(String apiKey, String jsonl) {
        String datasets = SiblingServices.baseUrl("dataset-service");
        String id = given().baseUri(datasets).header("Authorization", bearer(apiKey)).contentType(ContentType.JSON)
                .body(Map.of("name", "eval-" + UUID.randomUUID().toString().substring(0, 6), "method", "supervised"))
                .when().post("/api/v1/datasets").then().statusCode(201).extract().path("id");
        given().baseUri(datasets).header("Authorization", bearer(apiKey)).contentType("application/jsonl").body(jsonl.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/datasets/" + id + "/versions").then().statusCode(201).body("status", equalTo("validated"));
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", bearer(apiKey))
                .queryParam("dataset_id", id).when().get("/api/v1/test-sets").then().statusCode(200).body("$", hasSize(1)));
        return id;
    }

    static String split(String apiKey, String datasetId, String split) {
        return given().baseUri(SiblingServices.baseUrl("dataset-service")).header("Authorization", bearer(apiKey))
                .when().get("/api/v1/datasets/" + datasetId + "/versions/1/splits/" + split)
                .then().statusCode(200).extract().asString();
    }

    /** The simulator as the tests' provider account sees it: in that account's organization, since
     *  organizations are a boundary there as on OpenAI (a model trained in one is 404 in another). */
    static OpenAIClient simulator() {
        return OpenAIOkHttpClient.builder().baseUrl(SiblingServices.baseUrl("openai-simulator") + "/v1")
                .apiKey("sk-test-eval").organization("org-eval-accounts")
                .timeout(Duration.ofSeconds(30)).maxRetries(2).build();
    }

    /** Fine-tunes {@link #BASE_MODEL} on the dataset's train split in the simulator; returns the fine-tuned model. */
    static String fineTune(String apiKey, String datasetId) {
        OpenAIClient client = simulator();
        String file = client.files().create(FileCreateParams.builder()
                .file(MultipartField.<java.io.InputStream>builder()
                        .value(new ByteArrayInputStream(split(apiKey, datasetId, "train").getBytes(StandardCharsets.UTF_8)))
                        .filename(datasetId + "-train.jsonl").build())
                .purpose(FilePurpose.FINE_TUNE).build()).id();
        String jobId = client.fineTuning().jobs().create(JobCreateParams.builder().model(BASE_MODEL).trainingFile(file)
                .seed(7L).build()).id();
        FineTuningJob job = await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> client.fineTuning().jobs().retrieve(jobId), j -> List.of(FineTuningJob.Status.SUCCEEDED,
                        FineTuningJob.Status.FAILED, FineTuningJob.Status.CANCELLED).contains(j.status()));
        assertThat(job.status()).as("fine-tuning job %s: %s", jobId, job.error()).isEqualTo(FineTuningJob.Status.SUCCEEDED);
        return job.fineTunedModel().orElseThrow();
    }

    static List<Map<String, Object>> models(String candidate, String baseline) {
        List<Map<String, Object>> models = new ArrayList<>();
        if (candidate != null) {
            models.add(Map.of("role", "candidate", "model", candidate));
        }
        models.add(Map.of("role", "baseline", "model", baseline));
        return models;
    }

    static String startEval(String apiKey, Map<String, Object> body) {
        return given().header("Authorization", bearer(apiKey)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/evals").then().log().ifValidationFails().statusCode(201).body("state", equalTo("queued")).extract().path("id");
    }

    static void awaitState(String apiKey, String evalId, String state) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(300)).untilAsserted(() ->
                given().header("Authorization", bearer(apiKey)).when().get("/api/v1/evals/" + evalId)
                        .then().statusCode(200).body("state", equalTo(state)));
    }

    /**
     * Inside a transaction: a copy of the finished run {@code finished} as a worker killed half-way
     * leaves it (state running, lease expired, its examples recorded, nothing answered yet). The caller
     * adds the samples or judgements that "finished before the kill".
     *
     * @return the original run
     */
    static io.tuneforge.eval.domain.EvalRun killedCopyOf(String finished, String crashed) {
        io.tuneforge.eval.domain.EvalRun original = io.tuneforge.eval.domain.EvalRun.findById(finished);
        io.tuneforge.eval.domain.EvalRun run = new io.tuneforge.eval.domain.EvalRun();
        run.id = crashed;
        run.tenantId = original.tenantId;
        run.datasetId = original.datasetId;
        run.versionId = original.versionId;
        run.testPath = original.testPath;
        run.spec = original.spec;
        run.state = "running";
        run.examples = original.examples;
        run.createdAt = java.time.Instant.now();
        run.startedAt = java.time.Instant.now();
        run.leaseUntil = java.time.Instant.now().minusSeconds(1);
        run.persist();
        for (io.tuneforge.eval.domain.EvalExample e : io.tuneforge.eval.domain.EvalExample.ofRun(finished)) {
            io.tuneforge.eval.domain.EvalExample copy = new io.tuneforge.eval.domain.EvalExample();
            copy.runId = crashed;
            copy.idx = e.idx;
            copy.prompt = e.prompt;
            copy.reference = e.reference;
            copy.category = e.category;
            copy.persist();
        }
        return original;
    }
}
