package io.tuneforge.gateway;

import io.tuneforge.testsupport.ShiftableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.events.budget.BudgetExceeded;
import io.tuneforge.events.budget.BudgetRestored;
import io.tuneforge.events.job.JobSucceeded;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.gateway.GatewayFixtures.STABLE;
import static io.tuneforge.gateway.GatewayFixtures.call;
import static io.tuneforge.gateway.GatewayFixtures.putAlias;
import static io.tuneforge.gateway.GatewayFixtures.startRollout;
import static io.tuneforge.gateway.GatewayFixtures.unique;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A tenant spends only its own: another tenant's fine-tuned model is not found wherever it is named, the
 * operator's fallback connection serves only what a tenant was granted, hard-stop budgets stop inference, and
 * per-tenant request limits answer OpenAI's 429.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewaySiblings.class)
class TenantAccessTest {

    @Inject
    ShiftableClock clock;

    @Test
    void anotherTenantsFineTunedModelIsNotFoundOnCallAliasAndRollout() {
        String model = "ft:gpt-4o-mini-2024-07-18:acme:" + unique("private") + ":abc123";
        TopicProbe.publishEvent(new JobSucceeded("job_" + UUID.randomUUID(), "ftjob-9", null, "ds_1", "dsv_1", "gpt-4o-mini-2024-07-18",
                "supervised", model, 1_000, 1, 1, Instant.parse("2026-11-26T12:00:00Z"), null, null), UUID.randomUUID().toString(),
                TestTenants.ACME);
        await().atMost(Duration.ofSeconds(60)).until(() -> given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .when().get("/v1/models/" + model).statusCode() == 200);

        GatewayFixtures.Served foreign = call(TestTenants.GLOBEX_KEY, model, null);
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body().path("error").path("code").asText()).isEqualTo("model_not_found");
        assertThat(foreign.body().path("error").path("param").asText()).isEqualTo("model");
        assertThat(foreign.body().path("error").path("message").asText()).contains(model).contains("do not have access");

        // Not behind an alias either (also on the tenant's own account), nor as a rollout candidate.
        putAlias(TestTenants.GLOBEX_KEY, unique("steal"), Map.of("stable_model", model)).statusCode(404);
        putAlias(TestTenants.GLOBEX_KEY, unique("steal"), Map.of("stable_model", model, "account_id", "acct_globex")).statusCode(404);
        String alias = unique("globex-own");
        putAlias(TestTenants.GLOBEX_KEY, alias, Map.of("stable_model", "gpt-4.1-mini")).statusCode(201);
        startRollout(TestTenants.GLOBEX_KEY, Map.of("alias", alias, "candidate_model", model)).statusCode(404);
    }

    @Test
    void theFallbackServesOnlyWhatATenantWasGranted() {
        // globex is granted gpt-4.1* (by environment variable): that serves, anything else is not found.
        assertThat(call(TestTenants.GLOBEX_KEY, "gpt-4.1-mini", null).status()).isEqualTo(200);
        GatewayFixtures.Served notGranted = call(TestTenants.GLOBEX_KEY, STABLE, null);
        assertThat(notGranted.status()).isEqualTo(404);
        assertThat(notGranted.body().path("error").path("code").asText()).isEqualTo("model_not_found");
        // An unregistered fine-tuned id on the operator's key is never granted, not even by '*'.
        assertThat(call(TestTenants.ACME_KEY, "ft:gpt-4o-mini-2024-07-18:someone:x:1", null).status()).isEqualTo(404);

        // initech has no grant: no direct call, and no alias without its own provider account.
        assertThat(call(TestTenants.INITECH_KEY, STABLE, null).body().path("error").path("code").asText()).isIn("model_not_found",
                "rate_limit_exceeded");
        putAlias(TestTenants.INITECH_KEY, unique("free-ride"), Map.of("stable_model", STABLE)).statusCode(400)
                .body("errors[0].field", equalTo("account_id"));
        putAlias(TestTenants.INITECH_KEY, unique("own-account"), Map.of("stable_model", STABLE, "account_id", "acct_initech"))
                .statusCode(201);
    }

    @Test
    void aHardStopBudgetStopsInferenceUntilRestored() {
        String pipeline = unique("pl-capped");
        String alias = unique("capped");
        putAlias(TestTenants.ACME_KEY, alias, Map.of("stable_model", STABLE, "pipeline_id", pipeline)).statusCode(201);
        assertThat(call(TestTenants.ACME_KEY, alias, null).status()).isEqualTo(200);
        String month = YearMonth.from(clock.instant().atOffset(ZoneOffset.UTC)).toString();
        String budget = "bud_" + UUID.randomUUID();
        Instant crossed = Instant.now();
        TopicProbe.publishEvent(new BudgetExceeded(budget, month, "10.00", "10.02", true, crossed, pipeline), UUID.randomUUID().toString(),
                TestTenants.ACME);

        await().atMost(Duration.ofSeconds(60)).until(() -> call(TestTenants.ACME_KEY, alias, null).status() == 429);
        GatewayFixtures.Served stopped = call(TestTenants.ACME_KEY, alias, null);
        assertThat(stopped.body().path("error").path("code").asText()).isEqualTo("budget_exceeded");
        assertThat(stopped.body().path("error").path("message").asText()).contains(pipeline).contains("10.02 of 10.00 USD");
        // The pipeline's budget stops only the pipeline's calls.
        assertThat(call(TestTenants.ACME_KEY, STABLE, null).status()).isEqualTo(200);

        // An older event arriving late changes nothing; the restore frees it.
        TopicProbe.publishEvent(new BudgetRestored(budget, pipeline, month, "20.00", "10.02", "limit_raised", crossed.plusSeconds(1)),
                UUID.randomUUID().toString(), TestTenants.ACME);
        TopicProbe.publishEvent(new BudgetExceeded(budget, month, "10.00", "10.02", true, crossed.minusSeconds(5), pipeline),
                UUID.randomUUID().toString(), TestTenants.ACME);
        await().atMost(Duration.ofSeconds(60)).until(() -> call(TestTenants.ACME_KEY, alias, null).status() == 200);
        assertThat(call(TestTenants.ACME_KEY, alias, null).status()).isEqualTo(200);
    }

    @Test
    void aTenantOverItsRequestsPerMinuteGetsOpenAisRateLimitAnswer() throws InterruptedException {
        long intoMinute = clock.millis() % 60_000;
        if (intoMinute > 50_000) {
            Thread.sleep(60_000 - intoMinute + 200);
        }
        int status = 0;
        GatewayFixtures.Served last = null;
        for (int i = 0; i < 4 && status != 429; i++) {
            last = call(TestTenants.INITECH_KEY, STABLE, null);
            status = last.status();
        }
        assertThat(status).isEqualTo(429);
        assertThat(last.body().path("error").path("code").asText()).isEqualTo("rate_limit_exceeded");
        assertThat(last.body().path("error").path("type").asText()).isEqualTo("requests");
        var refused = given().header("Authorization", bearer(TestTenants.INITECH_KEY)).contentType("application/json")
                .body("{\"model\":\"" + STABLE + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}")
                .when().post("/v1/chat/completions").then().statusCode(429).extract();
        assertThat(refused.header("x-ratelimit-limit-requests")).isEqualTo("3");
        assertThat(refused.header("x-ratelimit-remaining-requests")).isEqualTo("0");
        assertThat(Integer.parseInt(refused.header("retry-after"))).isBetween(1, 60);
    }
}
