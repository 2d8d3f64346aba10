package io.tuneforge.training;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.hamcrest.Matchers.equalTo;

/** Webhooks are accepted only with a valid signature (Standard Webhooks, as OpenAI signs them). */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(SiblingsTestResource.class)
class WebhookTest {

    private static final String SECRET = "whsec_" + Base64.getEncoder().encodeToString("a-test-signing-secret-32-bytes!!".getBytes(StandardCharsets.UTF_8));

    @Test
    void signedWebhookIsAcceptedAndForgedOnesAreRejected() throws Exception {
        String account = given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body(Map.of("name", "hooks-" + UUID.randomUUID(), "kind", "compatible", "base_url", "http://127.0.0.1:9/v1",
                        "api_key", "sk-hooks-0000", "webhook_secret", SECRET))
                .when().post("/api/v1/accounts").then().statusCode(201).body("webhook_secret_set", equalTo(true))
                .extract().path("id");
        String payload = "{\"id\":\"evt_1\",\"object\":\"event\",\"created_at\":" + (System.currentTimeMillis() / 1000)
                + ",\"type\":\"fine_tuning.job.succeeded\",\"data\":{\"id\":\"ftjob-unknown\"}}";
        String id = "msg_" + UUID.randomUUID();
        String timestamp = String.valueOf(System.currentTimeMillis() / 1000);

        given().header("webhook-id", id).header("webhook-timestamp", timestamp).header("webhook-signature", sign(id, timestamp, payload))
                .contentType(ContentType.JSON).body(payload).when().post("/webhooks/openai/" + account)
                .then().statusCode(200).body("accepted", equalTo(true)).body("jobs_woken", equalTo(0));
        given().header("webhook-id", id).header("webhook-timestamp", timestamp).header("webhook-signature", sign(id, timestamp, payload))
                .contentType(ContentType.JSON).body(payload.replace("ftjob-unknown", "ftjob-forged")).when().post("/webhooks/openai/" + account)
                .then().statusCode(401);
        given().header("webhook-id", id).header("webhook-timestamp", timestamp).header("webhook-signature", "v1,Zm9yZ2Vk")
                .contentType(ContentType.JSON).body(payload).when().post("/webhooks/openai/" + account).then().statusCode(401);
        given().contentType(ContentType.JSON).body(payload).when().post("/webhooks/openai/acct_nope").then().statusCode(404);
    }

    private static String sign(String id, String timestamp, String payload) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(SECRET.substring("whsec_".length())), "HmacSHA256"));
        return "v1," + Base64.getEncoder().encodeToString(mac.doFinal((id + "." + timestamp + "." + payload).getBytes(StandardCharsets.UTF_8)));
    }
}
