package io.tuneforge.training;

import io.restassured.http.ContentType;
import io.tuneforge.testsupport.SiblingServices;
import io.tuneforge.testsupport.SupportTickets;
import io.tuneforge.testsupport.TestTenants;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Real data and accounts for the tests: a dataset validated by dataset-service, an account on the simulator. */
final class TrainingFixtures {

    static final String BASE_MODEL = "gpt-4o-mini-2024-07-18";

    private TrainingFixtures() {
    }

    static String simulator() {
        return SiblingServices.baseUrl("openai-simulator");
    }

    /** A validated dataset version of {@code examples} tickets, known to training-service; returns its dataset id. */
    static String validatedDataset(String apiKey, int examples, long seed) {
        return validatedDataset(apiKey, tickets(examples, seed));
    }

    /** A validated dataset of {@code jsonl}, e.g. tickets with contradictory labels (a warning, not an error). */
    static String validatedDataset(String apiKey, String jsonl) {
        String datasets = SiblingServices.baseUrl("dataset-service");
        String id = given().baseUri(datasets).header("Authorization", bearer(apiKey)).contentType(ContentType.JSON)
                .body(Map.of("name", "tickets-" + UUID.randomUUID().toString().substring(0, 6), "method", "supervised"))
                .when().post("/api/v1/datasets").then().statusCode(201).extract().path("id");
        uploadJsonl(apiKey, id, jsonl);
        awaitTrainable(apiKey, id, 1);
        return id;
    }

    static void uploadVersion(String apiKey, String datasetId, int examples, long seed) {
        uploadJsonl(apiKey, datasetId, tickets(examples, seed));
    }

    static void uploadJsonl(String apiKey, String datasetId, String jsonl) {
        given().baseUri(SiblingServices.baseUrl("dataset-service")).header("Authorization", bearer(apiKey))
                .contentType("application/jsonl").body(jsonl.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/datasets/" + datasetId + "/versions").then().statusCode(201).body("status", equalTo("validated"));
    }

    static void awaitTrainable(String apiKey, String datasetId, int versions) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().header("Authorization", bearer(apiKey))
                .queryParam("dataset_id", datasetId).when().get("/api/v1/training-data").then().statusCode(200)
                .body("$", hasSize(versions)));
    }

    /** An account on the simulator under its own organization, so its active-job count is its own. */
    static Account account(String apiKey, int maxActiveJobs) {
        String organization = "org-" + UUID.randomUUID().toString().substring(0, 8);
        String id = given().header("Authorization", bearer(apiKey)).contentType(ContentType.JSON)
                .body(Map.of("name", "sim-" + organization, "kind", "compatible", "base_url", simulator() + "/v1",
                        "api_key", "sk-test-" + UUID.randomUUID().toString().replace("-", ""), "organization", organization,
                        "max_active_jobs", maxActiveJobs, "requests_per_minute", 60000))
                .when().post("/api/v1/accounts").then().statusCode(201).extract().path("id");
        return new Account(id, organization);
    }

    record Account(String id, String organization) {
    }

    static String createJob(String apiKey, Map<String, Object> body) {
        return given().header("Authorization", bearer(apiKey)).contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/jobs").then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> job(String datasetId, String accountId, Map<String, Object> hyperparameters) {
        Map<String, Object> body = new HashMap<>();
        body.put("dataset_id", datasetId);
        body.put("version", 1);
        body.put("base_model", BASE_MODEL);
        body.put("account_id", accountId);
        body.put("hyperparameters", hyperparameters);
        return body;
    }

    static String state(String apiKey, String jobId) {
        return given().header("Authorization", bearer(apiKey)).when().get("/api/v1/jobs/" + jobId)
                .then().statusCode(200).extract().path("state");
    }

    static void awaitState(String apiKey, String jobId, String state, Duration within) {
        await().atMost(within).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                given().header("Authorization", bearer(apiKey)).when().get("/api/v1/jobs/" + jobId)
                        .then().statusCode(200).body("state", equalTo(state)));
    }

    /** The simulator's own list of jobs of an organization (its view, not ours). */
    static List<Map<String, Object>> providerJobs(String organization) {
        List<Map<String, Object>> all = new ArrayList<>();
        String after = null;
        while (true) {
            var request = given().baseUri(simulator()).header("Authorization", "Bearer sk-test-probe")
                    .header("OpenAI-Organization", organization).queryParam("limit", 100);
            if (after != null) {
                request.queryParam("after", after);
            }
            Map<String, Object> page = request.when().get("/v1/fine_tuning/jobs").then().statusCode(200).extract().as(Map.class);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> data = (List<Map<String, Object>>) page.get("data");
            // The simulator lists every organization's jobs; keep this organization's.
            data.stream().filter(j -> organization.equals(j.get("organization_id"))).forEach(all::add);
            if (!Boolean.TRUE.equals(page.get("has_more")) || data.isEmpty()) {
                return all;
            }
            after = (String) data.get(data.size() - 1).get("id");
        }
    }

    static String tickets(int count, long seed) {
        return SupportTickets.jsonl(count, seed, false);
    }

    static String acme() {
        return TestTenants.ACME_KEY;
    }
}
