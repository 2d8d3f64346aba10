package io.tuneforge.training;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.training.api.WebhookResource;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static io.tuneforge.training.TrainingFixtures.awaitState;
import static io.tuneforge.training.TrainingFixtures.createJob;
import static io.tuneforge.training.TrainingFixtures.job;
import static io.tuneforge.training.TrainingFixtures.simulator;
import static io.tuneforge.training.TrainingFixtures.validatedDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * Webhooks are accepted only with a valid signature (Standard Webhooks, as OpenAI signs them), and a signed
 * one from the provider finishes a job at once. Polling is slowed to ten minutes here, so a job that
 * finishes promptly was woken by its webhook.
 */
@QuarkusTest
@TestProfile(WebhookTest.SlowPolling.class)
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(SiblingsTestResource.class)
class WebhookTest {

    public static class SlowPolling implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tuneforge.training.monitoring.min-poll-interval", "10m",
                    "tuneforge.training.monitoring.max-poll-interval", "10m");
        }
    }

    @Test
    void theProvidersSignedWebhookFinishesAJobThatPollingWouldLeaveForMinutes() {
        String organization = "org-hooks-" + UUID.randomUUID().toString().substring(0, 8);
        String providerSecret = given().baseUri(simulator()).when().get("/admin/webhooks").then().statusCode(200).extract().path("secret");
        String account = given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).contentType(ContentType.JSON)
                .body(Map.of("name", "hooked-" + organization, "kind", "compatible", "base_url", simulator() + "/v1",
                        "api_key", "sk-hooked-" + UUID.randomUUID().toString().replace("-", ""), "organization", organization,
                        "max_active_jobs", 2, "requests_per_minute", 60000, "webhook_secret", providerSecret))
                .when().post("/api/v1/accounts").then().statusCode(201).extract().path("id");
        String hookUrl = "http://127.0.0.1:" + RestAssured.port + "/webhooks/openai/" + account;
        String endpoint = given().baseUri(simulator()).contentType(ContentType.JSON).body(Map.of("url", hookUrl, "organization", organization))
                .when().post("/admin/webhooks").then().statusCode(200).extract().path("id");
        try {
            String dataset = validatedDataset(TestTenants.GLOBEX_KEY, 30, 31);
            String job = createJob(TestTenants.GLOBEX_KEY, job(dataset, account, Map.of("n_epochs", 1)));
            awaitState(TestTenants.GLOBEX_KEY, job, "succeeded", Duration.ofSeconds(60));
            String providerJob = given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/jobs/" + job)
                    .then().statusCode(200).extract().path("provider_job_id");
            List<Map<String, Object>> deliveries = given().baseUri(simulator()).when().get("/admin/webhooks/deliveries")
                    .then().statusCode(200).extract().jsonPath().getList("findAll { it.url == '" + hookUrl + "' }");
            assertThat(deliveries).as("the provider's deliveries to this account's endpoint")
                    .anySatisfy(d -> assertThat(d.get("status")).isEqualTo(200));
            assertThat(given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/jobs/" + job + "/events")
                    .then().statusCode(200).extract().asString()).contains("successfully completed");
            assertThat(providerJob).startsWith("ftjob-");
        } finally {
            given().baseUri(simulator()).when().delete("/admin/webhooks/" + endpoint).then().statusCode(200);
        }
    }

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("a-test-signing-secret-32-bytes!!".getBytes(StandardCharsets.UTF_8));

    @Test
    void signedWebhookIsAcceptedAndForgedOnesAreRejected() throws Exception {
        String account = given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body(Map.of("name", "hooks-" + UUID.randomUUID(), "kind", "compatible", "base_url", simulator() + "/v1",
                        "api_key", "sk-hooks-0000", "webhook_secret", SECRET))
                .when().post("/api/v1/accounts").then().statusCode(201).body("webhook_secret_set", equalTo(true))
                .extract().path("id");
        String payload = "{\"id\":\"evt_1\",\"object\":\"event\",\"created_at\":" + (System.currentTimeMillis() / 1000)
                + ",\"type\":\"fine_tuning.job.succeeded\",\"data\":{\"id\":\"ftjob-unknown\"}}";
        String id = "msg_" + UUID.randomUUID();
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);

        given().header("webhook-id", id).header("webhook-timestamp", timestamp).header("webhook-signature", sign(id, timestamp, payload))
                .contentType(ContentType.JSON).body(payload).when().post("/webhooks/openai/" + account)
                .then().statusCode(200).body("accepted", equalTo(true)).body("replayed", equalTo(false)).body("jobs_woken", equalTo(0));
        // The same signed delivery again, well within the signature's tolerance: acknowledged, without effect.
        given().header("webhook-id", id).header("webhook-timestamp", timestamp).header("webhook-signature", sign(id, timestamp, payload))
                .contentType(ContentType.JSON).body(payload).when().post("/webhooks/openai/" + account)
                .then().statusCode(200).body("replayed", equalTo(true)).body("jobs_woken", equalTo(0));
        given().header("webhook-id", id).header("webhook-timestamp", timestamp).header("webhook-signature", sign(id, timestamp, payload))
                .contentType(ContentType.JSON).body(payload.replace("ftjob-unknown", "ftjob-forged")).when().post("/webhooks/openai/" + account)
                .then().statusCode(401);
        given().header("webhook-id", id).header("webhook-timestamp", timestamp).header("webhook-signature", "v1,Zm9yZ2Vk")
                .contentType(ContentType.JSON).body(payload).when().post("/webhooks/openai/" + account).then().statusCode(401);
        given().contentType(ContentType.JSON).body(payload).when().post("/webhooks/openai/acct_nope").then().statusCode(404);
    }

    @Test
    void unsignedOrBadlySignedWebhooksAreAProblemAndOneLogLineWithoutStackTrace() throws Exception {
        String account = given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body(Map.of("name", "hooks-" + UUID.randomUUID(), "kind", "compatible", "base_url", simulator() + "/v1",
                        "api_key", "sk-hooks-0000", "webhook_secret", SECRET))
                .when().post("/api/v1/accounts").then().statusCode(201).extract().path("id");
        List<LogRecord> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
        root.addHandler(capture);
        try {
            given().contentType(ContentType.JSON).body("{\"type\":\"fine_tuning.job.succeeded\"}").when().post("/webhooks/openai/" + account)
                    .then().statusCode(401).contentType("application/problem+json").body("detail", containsString("webhook-signature"));
            String id = "msg_" + UUID.randomUUID();
            String timestamp = String.valueOf(System.currentTimeMillis() / 1000);
            given().header("webhook-id", id).header("webhook-timestamp", timestamp).header("webhook-signature", "v1,not-base64!")
                    .contentType(ContentType.JSON).body("{}").when().post("/webhooks/openai/" + account)
                    .then().statusCode(401).contentType("application/problem+json");
            // Signed, but not an event: the body is the problem, not the signature.
            given().header("webhook-id", id).header("webhook-timestamp", timestamp).header("webhook-signature", sign(id, timestamp, "not json"))
                    .contentType(ContentType.JSON).body("not json").when().post("/webhooks/openai/" + account)
                    .then().statusCode(400).contentType("application/problem+json");
        } finally {
            root.removeHandler(capture);
        }
        assertThat(logged).as("no stack trace for a refused webhook").noneMatch(r -> r.getThrown() != null);
        assertThat(logged.stream().filter(r -> WebhookResource.class.getName().equals(r.getLoggerName())))
                .as("one line per refused webhook").hasSize(3);
    }

    private static String sign(String id, String timestamp, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
    }
}
