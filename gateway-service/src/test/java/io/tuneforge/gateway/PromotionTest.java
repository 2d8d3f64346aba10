package io.tuneforge.gateway;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.events.eval.EvalCompleted;
import io.tuneforge.gateway.domain.Rollout;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.gateway.GatewayFixtures.STABLE;
import static io.tuneforge.gateway.GatewayFixtures.putAlias;
import static io.tuneforge.gateway.GatewayFixtures.unique;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** eval.completed with decision promote starts a rollout on the aliases bound to the run's pipeline with an auto_rollout policy. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewaySiblings.class)
class PromotionTest {

    @Inject
    EntityManager em;

    private static EvalCompleted eval(String pipeline, String candidate, String decision) {
        return new EvalCompleted("eval_" + UUID.randomUUID().toString().substring(0, 8), "ds_1", "dsv_1", candidate, STABLE, STABLE,
                decision, List.of(), List.of(), "job_1", pipeline, List.of());
    }

    @Test
    void aPromotedCandidateIsRolledOutOnTheBoundAliasOnceEvenIfRedelivered() {
        String pipeline = unique("pl");
        String alias = unique("promoted");
        String manual = unique("no-policy");
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE, "pipeline_id", pipeline, "auto_rollout",
                Map.of("steps", List.of(20, 100), "min_requests", 30, "min_duration_seconds", 60,
                        "guards", Map.of("max_error_rate", 0.02, "max_latency_ratio", 1.5)))).statusCode(201);
        putAlias(TestTenants.ACME_KEY, manual, Map.of("stable_model", STABLE, "pipeline_id", pipeline)).statusCode(201);

        EvalCompleted rejected = eval(pipeline, "gpt-4.1", "reject");
        String rejectedEvent = "evt-" + UUID.randomUUID();
        TopicProbe.publishEvent(rejected, rejectedEvent, TestTenants.ACME);
        EvalCompleted promoted = eval(pipeline, "gpt-4.1", "promote");
        String eventId = "evt-" + UUID.randomUUID();
        TopicProbe.publishEvent(promoted, eventId, TestTenants.ACME);
        TopicProbe.publishEvent(promoted, eventId, TestTenants.ACME);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .queryParam("alias", alias).when().get("/api/v1/rollouts").then().statusCode(200).body("data", hasSize(1))
                .body("data[0].candidate_model", equalTo("gpt-4.1")).body("data[0].started_by", equalTo("eval"))
                .body("data[0].eval_id", equalTo(promoted.evalId())).body("data[0].steps", equalTo(List.of(20, 100)))
                .body("data[0].min_requests", equalTo(30)).body("data[0].guards.max_error_rate", equalTo(0.02f))
                .body("data[0].guards.max_latency_ratio", equalTo(1.5f)));
        await().atMost(Duration.ofSeconds(30)).until(() -> applied(eventId) && applied(rejectedEvent));
        long rollouts = QuarkusTransaction.requiringNew().call(() -> Rollout.count("tenantId = ?1 and alias in (?2, ?3)",
                TestTenants.ACME, alias, manual));
        assertThat(rollouts).as("one rollout, on the alias with a policy, for the promote decision only").isEqualTo(1);
    }

    private boolean applied(String eventId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) em.createNativeQuery(
                "select count(*) from inbox_event where consumer = 'promotions' and event_id = ?1").setParameter(1, eventId)
                .getSingleResult()).longValue() == 1);
    }
}
