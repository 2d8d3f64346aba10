package io.tuneforge.training;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static io.tuneforge.training.TrainingFixtures.account;
import static io.tuneforge.training.TrainingFixtures.job;
import static io.tuneforge.training.TrainingFixtures.validatedDataset;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;

/** POST /api/v1/jobs with an Idempotency-Key, as a client retrying after a timeout sends it. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(SiblingsTestResource.class)
class IdempotencyKeyTest {

    private static final String ACME = TestTenants.ACME_KEY;

    @Test
    void aRetriedSubmissionGetsTheFirstJobAndAnotherBodyIsRefused() throws Exception {
        String dataset = validatedDataset(ACME, 30, 81);
        TrainingFixtures.Account account = account(ACME, 1);
        Map<String, Object> body = job(dataset, account.id(), Map.of("n_epochs", 1));
        String key = "retry-" + UUID.randomUUID();

        Response first = post(ACME, key, body);
        assertThat(first.statusCode()).isEqualTo(201);
        // Two retries at once, as a client with a short timeout might send them.
        CompletableFuture<Response> second = CompletableFuture.supplyAsync(() -> post(ACME, key, body));
        Response third = post(ACME, key, body);
        for (Response again : List.of(second.get(), third)) {
            assertThat(again.statusCode()).isEqualTo(201);
            assertThat(again.asString()).isEqualTo(first.asString());
            assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        }
        List<String> jobs = given().header("Authorization", bearer(ACME)).queryParam("dataset_id", dataset).when().get("/api/v1/jobs")
                .then().statusCode(200).extract().path("data.id");
        assertThat(jobs).as("one job for one key").containsExactly(first.jsonPath().getString("id"));

        Map<String, Object> other = job(dataset, account.id(), Map.of("n_epochs", 2));
        given().header("Authorization", bearer(ACME)).header("Idempotency-Key", key).contentType(ContentType.JSON).body(other)
                .when().post("/api/v1/jobs").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("Idempotency-Key"));

        // A new key is a new job; a refused request leaves its key unused.
        String refusedKey = "refused-" + UUID.randomUUID();
        Map<String, Object> invalid = job(dataset, account.id(), Map.of("n_epochs", 99));
        assertThat(post(ACME, refusedKey, invalid).statusCode()).isEqualTo(400);
        Response created = post(ACME, refusedKey, body);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.jsonPath().getString("id")).isNotEqualTo(first.jsonPath().getString("id"));
    }

    @Test
    void keysBelongToOneTenantAndMustBePrintable() {
        String key = "shared-" + UUID.randomUUID();
        String acmeDataset = validatedDataset(ACME, 30, 82);
        Response acme = post(ACME, key, job(acmeDataset, account(ACME, 1).id(), Map.of("n_epochs", 1)));
        String globexDataset = validatedDataset(TestTenants.GLOBEX_KEY, 30, 83);
        Response globex = post(TestTenants.GLOBEX_KEY, key, job(globexDataset, account(TestTenants.GLOBEX_KEY, 1).id(),
                Map.of("n_epochs", 1)));
        assertThat(acme.statusCode()).isEqualTo(201);
        assertThat(globex.statusCode()).as("another tenant's key of the same name is its own").isEqualTo(201);
        assertThat(globex.jsonPath().getString("id")).isNotEqualTo(acme.jsonPath().getString("id"));

        given().header("Authorization", bearer(ACME)).header("Idempotency-Key", "x".repeat(256)).contentType(ContentType.JSON)
                .body(job(acmeDataset, "acct_x", Map.of())).when().post("/api/v1/jobs").then().statusCode(400)
                .body("errors.field", hasItem("Idempotency-Key"));
    }

    private static Response post(String apiKey, String idempotencyKey, Map<String, Object> body) {
        return given().header("Authorization", bearer(apiKey)).header("Idempotency-Key", idempotencyKey).contentType(ContentType.JSON)
                .body(body).when().post("/api/v1/jobs").then().extract().response();
    }
}
