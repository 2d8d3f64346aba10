package io.tuneforge.console;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(SiblingDatasetService.class)
class ConsoleTest {

    @Test
    void thePageAndItsScriptAreServedAndSayWhichServicesAreConnected() {
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<title>tuneforge console</title>")).body(containsString("console.js"));
        given().when().get("/console.js").then().statusCode(200).body(containsString("async function route()"));
        given().when().get("/console/services").then().statusCode(200)
                .body("dataset", equalTo(true)).body("gateway", equalTo(true)).body("training", equalTo(false));
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    @Test
    void callsReachTheServiceWithTheUsersKeyAndItsAnswerComesBackAsItIs() {
        String id = given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body("{\"name\":\"via-console\",\"method\":\"supervised\"}")
                .when().post("/proxy/dataset/api/v1/datasets")
                .then().statusCode(201).body("name", equalTo("via-console")).extract().path("id");
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).queryParam("limit", 100)
                .when().get("/proxy/dataset/api/v1/datasets")
                .then().statusCode(200).body("data.id", hasItem(id));
        // another tenant's key sees nothing of it: the service decides, the console only forwards
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/proxy/dataset/api/v1/datasets/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().when().get("/proxy/dataset/api/v1/datasets")
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().delete("/proxy/dataset/api/v1/datasets/" + id)
                .then().statusCode(204);
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).queryParam("limit", 100)
                .when().get("/proxy/dataset/api/v1/datasets").then().statusCode(200).body("data.id", not(hasItem(id)));
    }

    @Test
    void onlyPublicApiPathsOfConnectedServicesAreForwardedAndAnUnreachableOneSaysSo() {
        given().when().get("/proxy/dataset/q/metrics").then().statusCode(404).contentType("application/problem+json")
                .body("title", equalTo("Not a public API path"));
        given().when().get("/proxy/training/api/v1/jobs").then().statusCode(404)
                .body("title", equalTo("Unknown service")).body("detail", containsString("tuneforge.console.services.training"));
        given().when().get("/proxy/nosuch/api/v1/x").then().statusCode(404).body("detail", containsString("[dataset, gateway]"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/proxy/gateway/api/v1/aliases")
                .then().statusCode(502).contentType("application/problem+json")
                .body("title", equalTo("Service unreachable")).body("detail", containsString(SiblingDatasetService.DEAD_GATEWAY));
    }
}
