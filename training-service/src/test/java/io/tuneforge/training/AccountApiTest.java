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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:9/v1", "http://169.254.169.254", "http://169.254.169.254/latest/meta-data",
            "http://[::1]:8082", "https://[::1]:8082/v1", "https://user:pass@api.openai.com", "https://127.0.0.1/v1",
            "https://10.0.0.5/v1", "https://[fd00:ec2::254]/", "https://[::ffff:169.254.169.254]/", "https://localhost:5432",
            "https://evil.example.com/v1", "https://api.openai.com.evil.example.com/v1", "http://api.openai.com/v1",
            "ftp://api.openai.com/v1", "not a url"})
    void baseUrlThatCouldReachAnInternalListenerIsRefused(String baseUrl) {
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body(Map.of("name", "ssrf-" + System.nanoTime(), "kind", "compatible", "api_key", "sk-ssrf-0000", "base_url", baseUrl))
                .when().post("/api/v1/accounts").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("base_url"));
        String id = given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body(Map.of("name", "patched-" + System.nanoTime(), "kind", "openai", "api_key", "sk-ssrf-0001"))
                .when().post("/api/v1/accounts").then().statusCode(201).extract().path("id");
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body(Map.of("base_url", baseUrl, "api_key", "sk-ssrf-0002"))
                .when().patch("/api/v1/accounts/" + id).then().statusCode(400).body("errors.field", hasItem("base_url"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/accounts/" + id).then()
                .body("base_url", equalTo("https://api.openai.com/v1"));
    }

    @Test
    void allowedProviderHostsAndTheOperatorsOriginsAreAccepted() {
        for (String baseUrl : new String[] {"https://api.openai.com/v1", "https://my-resource.openai.azure.com",
                "https://my-resource.cognitiveservices.azure.com/openai", TrainingFixtures.simulator() + "/v1"}) {
            given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                    .body(Map.of("name", "ok-" + System.nanoTime(), "kind", "compatible", "api_key", "sk-ok-0000", "base_url", baseUrl))
                    .when().post("/api/v1/accounts").then().statusCode(201).body("base_url", equalTo(baseUrl));
        }
    }

    @Test
    void changingBaseUrlOrKindNeedsTheKeyAgain() {
        String id = given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body(Map.of("name", "rekey-" + System.nanoTime(), "kind", "openai", "api_key", "sk-rekey-0000"))
                .when().post("/api/v1/accounts").then().statusCode(201).extract().path("id");
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body(Map.of("base_url", "https://other.openai.azure.com"))
                .when().patch("/api/v1/accounts/" + id).then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("api_key"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body(Map.of("kind", "compatible"))
                .when().patch("/api/v1/accounts/" + id).then().statusCode(422).body("errors.field", hasItem("api_key"));
        // Unchanged URL and kind, other fields: no key needed; with the key the URL may change.
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body(Map.of("base_url", "https://api.openai.com/v1/", "kind", "openai", "max_active_jobs", 5))
                .when().patch("/api/v1/accounts/" + id).then().statusCode(200).body("max_active_jobs", equalTo(5));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body(Map.of("base_url", "https://other.openai.azure.com", "api_key", "sk-rekey-0001"))
                .when().patch("/api/v1/accounts/" + id).then().statusCode(200).body("base_url", equalTo("https://other.openai.azure.com"));
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
