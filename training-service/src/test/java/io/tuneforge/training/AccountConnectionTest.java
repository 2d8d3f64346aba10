package io.tuneforge.training;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

/** The account's key in clear goes to tuneforge services (eval-service) only, and only within the tenant named. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class AccountConnectionTest {

    @Test
    void onlyAServiceKeyGetsTheKeyOfItsTenantsAccount() {
        String name = "conn-" + UUID.randomUUID().toString().substring(0, 8);
        String apiKey = "sk-live-" + UUID.randomUUID().toString().replace("-", "");
        String id = given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body(Map.of("name", name, "kind", "compatible", "base_url", "https://api.openai.com/v1", "api_key", apiKey,
                        "organization", "org-x", "project", "proj-y", "requests_per_minute", 120))
                .when().post("/api/v1/accounts").then().statusCode(201).extract().path("id");

        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/accounts/" + id + "/connection")
                .then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403))
                .body(not(containsString(apiKey)));

        for (String ref : new String[] {id, name}) {
            given().header("Authorization", bearer(TestTenants.SERVICE_KEY)).header("X-Tuneforge-Tenant", TestTenants.ACME)
                    .when().get("/api/v1/accounts/" + ref + "/connection").then().statusCode(200)
                    .body("id", equalTo(id)).body("kind", equalTo("compatible")).body("base_url", equalTo("https://api.openai.com/v1"))
                    .body("api_key", equalTo(apiKey)).body("organization", equalTo("org-x")).body("project", equalTo("proj-y"))
                    .body("requests_per_minute", equalTo(120));
        }

        given().header("Authorization", bearer(TestTenants.SERVICE_KEY)).header("X-Tuneforge-Tenant", TestTenants.GLOBEX)
                .when().get("/api/v1/accounts/" + id + "/connection").then().statusCode(404)
                .contentType("application/problem+json").body(not(containsString(apiKey)));
    }
}
