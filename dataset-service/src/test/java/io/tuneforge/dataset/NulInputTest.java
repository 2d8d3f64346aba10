package io.tuneforge.dataset;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.hamcrest.Matchers.equalTo;

/** A NUL character in a path or query parameter is a 400 naming the parameter, not a 500 from PostgreSQL. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class NulInputTest {

    private static final String KEY = TestTenants.ACME_KEY;

    @Test
    void aNulInAPathOrQueryParameterIsA400NamingIt() {
        given().header("Authorization", bearer(KEY)).urlEncodingEnabled(false).when().get("/api/v1/datasets/ds_%00x")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("id"));
        given().header("Authorization", bearer(KEY)).urlEncodingEnabled(false).when().delete("/api/v1/datasets/ds_%00x/versions/1")
                .then().statusCode(400).body("errors[0].field", equalTo("id"));
        String id = DatasetApiTest.createDataset(KEY, "nul-params");
        given().header("Authorization", bearer(KEY)).urlEncodingEnabled(false).contentType("application/jsonl")
                .body(SampleData.bytes(SampleData.tickets(0, 12)))
                .when().post("/api/v1/datasets/" + id + "/versions?import=alpaca%00")
                .then().statusCode(400).body("errors[0].field", equalTo("import"));
        given().header("Authorization", bearer(KEY)).urlEncodingEnabled(false)
                .when().get("/api/v1/datasets/" + id + "/feedback-source/pairs?status=pending%00")
                .then().statusCode(400).body("errors[0].field", equalTo("status"));
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions")
                .then().statusCode(200).body("size()", equalTo(0));
    }
}
