package io.tuneforge.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tuneforge.events.EventCodec;
import io.tuneforge.events.Topics;
import io.tuneforge.events.rollout.RolloutAdvanced;
import io.tuneforge.events.rollout.RolloutRolledBack;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tuneforge.gateway.GatewayFixtures.STABLE;
import static io.tuneforge.gateway.GatewayFixtures.call;
import static io.tuneforge.gateway.GatewayFixtures.modelFaults;
import static io.tuneforge.gateway.GatewayFixtures.putAlias;
import static io.tuneforge.gateway.GatewayFixtures.rollout;
import static io.tuneforge.gateway.GatewayFixtures.startRollout;
import static io.tuneforge.gateway.GatewayFixtures.unique;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Rollouts against real traffic through the gateway to the simulator: a healthy candidate goes
 * 10 → 50 → 100 and becomes the alias's stable model; a failing or slow one is rolled back at its first
 * step with the breached guard and the evidence.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewaySiblings.class)
class RolloutTest {

    @BeforeEach
    void noFaults() {
        modelFaults(Map.of());
    }

    @Test
    void aHealthyCandidateIsRolledOutStepByStepAndBecomesStable() {
        String alias = unique("tickets");
        String candidate = "gpt-4.1-mini";
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE)).statusCode(201);
        String id = startRollout(TestTenants.ACME_KEY, Map.of("alias", alias, "candidate_model", candidate, "steps", List.of(10, 50, 100),
                "min_requests", 15, "min_duration_seconds", 1, "guards", Map.of("max_error_rate", 0.05)))
                .statusCode(201).body("state", equalTo("active")).body("current_percent", equalTo(10)).extract().path("id");
        startRollout(TestTenants.ACME_KEY, Map.of("alias", alias, "candidate_model", "gpt-4.1")).statusCode(409);

        try (GatewayFixtures.Traffic traffic = new GatewayFixtures.Traffic(TestTenants.ACME_KEY, alias, 3)) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> rollout(TestTenants.ACME_KEY, id).body("state", equalTo("completed")));
            traffic.stop();
            assertThat(traffic.served()).allSatisfy(s -> assertThat(s.status()).isEqualTo(200));
        }

        JsonPath done = rollout(TestTenants.ACME_KEY, id).extract().jsonPath();
        assertThat(done.getInt("current_percent")).isEqualTo(100);
        assertThat(done.getString("outcome_reason")).isEqualTo("completed");
        assertThat(done.getList("step_stats.status")).containsExactly("passed", "passed", "passed");
        // Observed shares per step: the candidate's calls over the step's calls, within a tolerance for a random split.
        assertThat(share(done, 0)).as("step 1 (10%%) candidate share").isBetween(0.02, 0.25);
        assertThat(share(done, 1)).as("step 2 (50%%) candidate share").isBetween(0.25, 0.75);
        assertThat(share(done, 2)).as("step 3 (100%%) candidate share").isEqualTo(1.0);
        for (int step = 0; step < 3; step++) {
            assertThat(done.getLong("step_stats[" + step + "].candidate.requests")).isGreaterThanOrEqualTo(15);
            assertThat(done.getDouble("step_stats[" + step + "].candidate.error_rate")).isZero();
            assertThat(done.getObject("step_stats[" + step + "].candidate.p95_latency_ms", Long.class)).isNotNull();
        }

        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/aliases/" + alias).then()
                .statusCode(200).body("stable_model", equalTo(candidate)).body("live_rollout_id", equalTo(null));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/aliases/" + alias + "/history").then()
                .body("data[1].cause", equalTo("rollout_completed")).body("data[1].rollout_id", equalTo(id))
                .body("data[1].to_model", equalTo(candidate));
        GatewayFixtures.Served after = call(TestTenants.ACME_KEY, alias, null);
        assertThat(after.model()).isEqualTo(candidate);
        assertThat(after.arm()).isEqualTo("stable");

        List<RolloutAdvanced> events = await().atMost(Duration.ofSeconds(30)).until(() -> advanced(id), e -> e.size() >= 4);
        assertThat(events).extracting(RolloutAdvanced::reason).containsExactly("started", "guards_held", "guards_held", "guards_held");
        assertThat(events).extracting(RolloutAdvanced::toPercent).containsExactly(10, 50, 100, 100);
        assertThat(events).extracting(RolloutAdvanced::completed).containsExactly(false, false, false, true);
        assertThat(events.get(1).evidence().candidateRequests()).isGreaterThanOrEqualTo(15);
    }

    @Test
    void aCandidateFailingThirtyPercentIsRolledBackAtItsFirstStep() {
        String alias = unique("errors");
        String candidate = "gpt-4.1-nano";
        modelFaults(Map.of(candidate, Map.of("error_rate", 0.3)));
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE)).statusCode(201);
        String id = startRollout(TestTenants.ACME_KEY, Map.of("alias", alias, "candidate_model", candidate, "min_requests", 20,
                "min_duration_seconds", 600, "guards", Map.of("max_error_rate", 0.05))).statusCode(201).extract().path("id");

        try (GatewayFixtures.Traffic traffic = new GatewayFixtures.Traffic(TestTenants.ACME_KEY, alias, 3)) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> rollout(TestTenants.ACME_KEY, id).body("state", equalTo("rolled_back")));
        }
        JsonPath rolledBack = rollout(TestTenants.ACME_KEY, id).extract().jsonPath();
        assertThat(rolledBack.getInt("step_index")).isZero();
        assertThat(rolledBack.getInt("current_percent")).isZero();
        assertThat(rolledBack.getString("outcome_reason")).isEqualTo("error_rate");
        assertThat(rolledBack.getString("outcome_detail")).contains("candidate error rate").contains("exceeds the 5.0% guard");
        assertThat(rolledBack.getDouble("evidence.candidate_error_rate")).isGreaterThan(0.05);
        assertThat(rolledBack.getLong("evidence.candidate_errors")).isPositive();

        // All traffic is back on the stable model.
        for (int i = 0; i < 20; i++) {
            GatewayFixtures.Served served = call(TestTenants.ACME_KEY, alias, null);
            assertThat(served.model()).isEqualTo(STABLE);
            assertThat(served.status()).isEqualTo(200);
        }
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/aliases/" + alias).then()
                .body("stable_model", equalTo(STABLE));

        RolloutRolledBack event = await().atMost(Duration.ofSeconds(30)).until(() -> rolledBack(id), e -> e != null);
        assertThat(event.reason()).isEqualTo("error_rate");
        assertThat(event.percent()).isEqualTo(10);
        assertThat(event.evidence().candidateErrorRate()).isGreaterThan(0.05);
    }

    @Test
    void aCandidateBreachingTheLatencyGuardIsRolledBack() {
        String alias = unique("latency");
        String candidate = "gpt-4o";
        modelFaults(Map.of(candidate, Map.of("latency_ms", 400)));
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE)).statusCode(201);
        String id = startRollout(TestTenants.ACME_KEY, Map.of("alias", alias, "candidate_model", candidate, "steps", List.of(25, 100),
                "min_requests", 8, "min_duration_seconds", 600, "guards", Map.of("max_p95_latency_ms", 250))).statusCode(201).extract().path("id");

        try (GatewayFixtures.Traffic traffic = new GatewayFixtures.Traffic(TestTenants.ACME_KEY, alias, 4)) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(300))
                    .untilAsserted(() -> rollout(TestTenants.ACME_KEY, id).body("state", equalTo("rolled_back")));
        }
        JsonPath rolledBack = rollout(TestTenants.ACME_KEY, id).extract().jsonPath();
        assertThat(rolledBack.getString("outcome_reason")).isEqualTo("p95_latency");
        assertThat(rolledBack.getString("outcome_detail")).contains("exceeds the 250 ms guard");
        assertThat(rolledBack.getLong("evidence.candidate_p95_latency_ms")).isGreaterThanOrEqualTo(400);
        assertThat(rolledBack.getLong("step_stats[0].stable.p95_latency_ms")).as("the stable arm stayed faster")
                .isLessThan(rolledBack.getLong("evidence.candidate_p95_latency_ms"));
    }

    @Test
    void aRolloutCanBePausedResumedAdvancedAndRolledBackByHand() {
        String alias = unique("manual");
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE)).statusCode(201);
        String id = startRollout(TestTenants.ACME_KEY, Map.of("alias", alias, "candidate_model", "gpt-4.1-mini", "min_requests", 1000))
                .statusCode(201).extract().path("id");
        String path = "/api/v1/rollouts/" + id;
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().post(path + "/pause").then().statusCode(200)
                .body("state", equalTo("paused"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().post(path + "/pause").then().statusCode(409);
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().post(path + "/resume").then().statusCode(200)
                .body("state", equalTo("active"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().post(path + "/advance").then().statusCode(200)
                .body("step_index", equalTo(1)).body("current_percent", equalTo(50));
        // Sticky per user: the same user keeps the same arm within a step.
        String arm = call(TestTenants.ACME_KEY, alias, "user-42").arm();
        for (int i = 0; i < 5; i++) {
            assertThat(call(TestTenants.ACME_KEY, alias, "user-42").arm()).isEqualTo(arm);
        }
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json").body(Map.of("reason", "support tickets look off"))
                .when().post(path + "/rollback").then().statusCode(200)
                .body("state", equalTo("rolled_back")).body("outcome_reason", equalTo("manual"))
                .body("outcome_detail", equalTo("support tickets look off"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().post(path + "/advance").then().statusCode(409);
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get(path).then().statusCode(404);
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).queryParam("alias", alias).when().get("/api/v1/rollouts").then()
                .statusCode(200).body("data[0].id", equalTo(id)).body("has_more", equalTo(false));
    }

    private static double share(JsonPath rollout, int step) {
        double candidate = rollout.getLong("step_stats[" + step + "].candidate.requests");
        double stable = rollout.getLong("step_stats[" + step + "].stable.requests");
        return candidate / (candidate + stable);
    }

    static List<RolloutAdvanced> advanced(String rolloutId) {
        return TopicProbe.readAll(Topics.ROLLOUT_ADVANCED, Duration.ofSeconds(2)).stream().filter(r -> rolloutId.equals(r.key()))
                .map(ConsumerRecord::value).map(v -> EventCodec.read(v, RolloutAdvanced.class)).toList();
    }

    static RolloutRolledBack rolledBack(String rolloutId) {
        return TopicProbe.readAll(Topics.ROLLOUT_ROLLED_BACK, Duration.ofSeconds(2)).stream().filter(r -> rolloutId.equals(r.key()))
                .map(ConsumerRecord::value).map(v -> EventCodec.read(v, RolloutRolledBack.class)).findFirst().orElse(null);
    }
}
