package io.tuneforge.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tuneforge.events.Topics;
import io.tuneforge.events.job.JobSucceeded;
import io.tuneforge.gateway.domain.Arm;
import io.tuneforge.gateway.routing.AliasRouter;
import io.tuneforge.gateway.routing.ModelNotFound;
import io.tuneforge.gateway.routing.Route;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.gateway.GatewayFixtures.unique;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** job.succeeded feeds the gateway's registry: /v1/models lists the tenant's fine-tuned models, direct calls use their account. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewaySiblings.class)
class ModelRegistryTest {

    @Inject
    AliasRouter router;

    @Test
    void aSucceededJobsModelIsListedRetrievableAndCalledOnItsAccountForItsTenantOnly() {
        String model = "ft:gpt-4o-mini-2024-07-18:acme:" + unique("tickets") + ":abc123";
        String job = "job_" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        TopicProbe.publishEvent(new JobSucceeded(job, "ftjob-1", "acct_trained_here", "ds_1", "dsv_1", "gpt-4o-mini-2024-07-18",
                "supervised", model, 12_000, 3, 1, Instant.parse("2026-11-26T12:00:00Z"), "pl_tickets", null), eventId, TestTenants.ACME);

        await().atMost(Duration.ofSeconds(60)).until(() -> models(TestTenants.ACME_KEY).getList("data.id").contains(model));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/v1/models/" + model)
                .then().statusCode(200).body("id", equalTo(model)).body("object", equalTo("model"))
                .body("base_model", equalTo("gpt-4o-mini-2024-07-18")).body("job_id", equalTo(job))
                .body("provider_account_id", equalTo("acct_trained_here")).body("created", equalTo(1_795_694_400));

        // Another tenant neither sees it in the list nor can retrieve it (OpenAI's error shape).
        assertThat(models(TestTenants.GLOBEX_KEY).getList("data.id")).doesNotContain(model);
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/v1/models/" + model)
                .then().statusCode(404).body("error.code", equalTo("model_not_found")).body("error.param", equalTo("model"));

        // A direct call to it goes to the account that trained it; for another tenant it does not exist.
        Route direct = router.route(TestTenants.ACME, model, null);
        assertThat(direct.arm()).isEqualTo(Arm.DIRECT);
        assertThat(direct.accountId()).isEqualTo("acct_trained_here");
        assertThat(direct.pipelineId()).isEqualTo("pl_tickets");
        assertThatThrownBy(() -> router.route(TestTenants.GLOBEX, model, null)).as("another tenant's model is not found")
                .isInstanceOf(ModelNotFound.class);

        // Redelivered: still listed once.
        ConsumerRecord<String, String> record = TopicProbe.awaitRecord(Topics.JOB_SUCCEEDED, Duration.ofSeconds(30),
                r -> job.equals(r.key())).orElseThrow();
        TopicProbe.redeliver(record);
        TopicProbe.publishEvent(new JobSucceeded(job, "ftjob-1", "acct_other", "ds_1", "dsv_1", "gpt-4o-mini-2024-07-18",
                "supervised", model, 12_000, 3, 1, Instant.parse("2026-11-26T12:00:00Z"), "pl_tickets", null),
                UUID.randomUUID().toString(), TestTenants.ACME);
        String marker = "ft:gpt-4o-mini-2024-07-18:acme:" + unique("marker") + ":zzz";
        TopicProbe.publishEvent(new JobSucceeded("job_" + UUID.randomUUID(), "ftjob-2", null, "ds_1", "dsv_2",
                "gpt-4o-mini-2024-07-18", "supervised", marker, 1, 1, 2, Instant.parse("2026-11-26T13:00:00Z"), null, null),
                UUID.randomUUID().toString(), TestTenants.ACME);
        await().atMost(Duration.ofSeconds(60)).until(() -> models(TestTenants.ACME_KEY).getList("data.id").contains(marker));
        List<String> ids = models(TestTenants.ACME_KEY).getList("data.id");
        assertThat(ids.stream().filter(model::equals)).hasSize(1);
        assertThat(router.route(TestTenants.ACME, model, null).accountId()).as("kept as first recorded").isEqualTo("acct_trained_here");
        assertThat(router.route(TestTenants.ACME, marker, null).accountId()).as("a job without an account: the fallback").isNull();
    }

    private static JsonPath models(String key) {
        return given().header("Authorization", bearer(key)).when().get("/v1/models").then().statusCode(200).extract().jsonPath();
    }
}
