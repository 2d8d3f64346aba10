package io.tuneforge.training;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(SiblingsTestResource.class)
class AccountApiTest {

    private static final String KEY = "sk-proj-secretsecretsecret9z9z";

    @Inject
    EntityManager em;

    @Test
    void keyIsStoredSealedAndOnlyItsFingerprintIsShown() {
        String body = given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body(Map.of("name", "main-" + System.nanoTime(), "kind", "openai", "api_key", KEY, "organization", "org-1",
                        "max_active_jobs", 4))
                .when().post("/api/v1/accounts").then().statusCode(201)
                .body("api_key_fingerprint", equalTo("sk-...9z9z"))
                .body("api_key", nullValue())
                .body("base_url", equalTo("https://api.openai.com/v1"))
                .extract().asString();
        assertThat(body).doesNotContain(KEY);
        String id = given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/accounts")
                .then().statusCode(200).extract().path("find { it.api_key_fingerprint == 'sk-...9z9z' }.id");
        String stored = QuarkusTransaction.requiringNew().call(() ->
                (String) em.createNativeQuery("select api_key_sealed from provider_account where id = ?1").setParameter(1, id).getSingleResult());
        assertThat(stored).startsWith("v1:").doesNotContain(KEY).doesNotContain("9z9z");

        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/accounts/" + id).then().statusCode(404);
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body(Map.of("api_key", "sk-rotated-key-0000abcd", "max_active_jobs", 7))
                .when().patch("/api/v1/accounts/" + id).then().statusCode(200)
                .body("api_key_fingerprint", equalTo("sk-...abcd")).body("max_active_jobs", equalTo(7));
    }

    @Test
    void invalidAccountIsRefusedWithFieldErrors() {
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body(Map.of("name", "bad", "kind", "anthropic", "api_key", "k", "base_url", "ftp://x", "max_active_jobs", 0))
                .when().post("/api/v1/accounts").then().statusCode(400)
                .body("errors.field", hasItem("kind")).body("errors.field", hasItem("base_url"))
                .body("errors.field", hasItem("max_active_jobs")).body("errors.field", not(hasItem("name")));
    }

    @Test
    void jobRequestOutsideOpenAiBoundsIsRefused() {
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body(Map.of("dataset_version_id", "dsv_nope", "base_model", "gpt-4o-mini-2024-07-18",
                        "hyperparameters", Map.of("n_epochs", 51, "batch_size", 0, "learning_rate_multiplier", 0, "beta", 0.1)))
                .when().post("/api/v1/jobs").then().statusCode(400)
                .body("errors.field", hasItem("hyperparameters.n_epochs"))
                .body("errors.field", hasItem("hyperparameters.batch_size"))
                .body("errors.field", hasItem("hyperparameters.learning_rate_multiplier"))
                .body("errors.field", hasItem("hyperparameters.beta"))
                .body("errors.field", hasItem("dataset_version_id"));
    }
}
