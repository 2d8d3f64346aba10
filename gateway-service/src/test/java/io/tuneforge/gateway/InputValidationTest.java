package io.tuneforge.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tuneforge.gateway.GatewayFixtures.STABLE;
import static io.tuneforge.gateway.GatewayFixtures.putAlias;
import static io.tuneforge.gateway.GatewayFixtures.startRollout;
import static io.tuneforge.gateway.GatewayFixtures.unique;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Bad input gets problem+json with one error per field, saying how to fix it. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewaySiblings.class)
class InputValidationTest {

    @Test
    void aliasFieldsAreChecked() {
        putAlias(TestTenants.ACME_KEY, "bad name!", Map.of("account_id", "")).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("name", "stable_model", "account_id"));
        putAlias(TestTenants.ACME_KEY, unique("a"), Map.of("stable_model", STABLE, "auto_rollout", Map.of("steps", List.of(50, 10),
                "min_requests", 0, "guards", Map.of("max_error_rate", 2)))).statusCode(400)
                .body("errors.field", containsInAnyOrder("auto_rollout.steps", "auto_rollout.min_requests",
                        "auto_rollout.guards.max_error_rate", "auto_rollout"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/json")
                .body(Map.of("stable_model", STABLE, "stabel_model", "typo")).when().put("/api/v1/aliases/" + unique("a"))
                .then().statusCode(400);
        given().when().get("/api/v1/aliases").then().statusCode(401);
    }

    @Test
    void captureFieldsAreChecked() {
        putAlias(TestTenants.ACME_KEY, unique("c"), Map.of("stable_model", STABLE, "capture", Map.of("retention_days", 0))).statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", containsInAnyOrder("capture.enabled", "capture.retention_days"))
                .body("errors.message", hasItem(containsString("from 1 to 365")));
        putAlias(TestTenants.ACME_KEY, unique("c"), Map.of("stable_model", STABLE, "capture", Map.of("enabled", true, "retention_days", 366)))
                .statusCode(400).body("errors.field", containsInAnyOrder("capture.retention_days"));
        putAlias(TestTenants.ACME_KEY, unique("c"), Map.of("stable_model", STABLE, "capture", Map.of("enabled", true, "retention", 5)))
                .statusCode(400).body("errors[0].field", equalTo("capture.retention"));
        // A refused change leaves the alias as it was.
        String alias = unique("c");
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE, "capture", Map.of("enabled", true, "retention_days", 365)))
                .statusCode(201).body("capture.retention_days", equalTo(365));
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE, "capture", Map.of("enabled", false, "retention_days", -1)))
                .statusCode(400);
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/aliases/" + alias).then().statusCode(200)
                .body("capture.enabled", equalTo(true)).body("capture.retention_days", equalTo(365));
    }

    @Test
    void rolloutFieldsAreChecked() {
        startRollout(TestTenants.ACME_KEY, Map.of()).statusCode(400).body("errors.field", containsInAnyOrder("alias", "candidate_model"));
        startRollout(TestTenants.ACME_KEY, Map.of("alias", unique("nowhere"), "candidate_model", "gpt-4.1")).statusCode(400)
                .body("errors[0].field", equalTo("alias")).body("errors[0].message", containsString("PUT /api/v1/aliases/"));
        String alias = unique("checked");
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE)).statusCode(201);
        startRollout(TestTenants.ACME_KEY, Map.of("alias", alias, "candidate_model", "gpt-4.1", "steps", List.of(10, 50),
                "min_duration_seconds", -1, "guards", Map.of("max_p95_latency_ms", 0, "max_latency_ratio", -2))).statusCode(400)
                .body("errors.field", containsInAnyOrder("steps", "min_duration_seconds", "guards.max_p95_latency_ms",
                        "guards.max_latency_ratio"))
                .body("errors.message", hasItem(containsString("the last step must be 100")));
        startRollout(TestTenants.ACME_KEY, Map.of("alias", alias, "candidate_model", STABLE)).statusCode(409)
                .body("detail", containsString("already serves"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).queryParam("state", "sideways").when().get("/api/v1/rollouts")
                .then().statusCode(400).body("errors[0].field", equalTo("state"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).queryParam("limit", 0).when().get("/api/v1/rollouts")
                .then().statusCode(400);
    }
}
