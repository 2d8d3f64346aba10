package io.tuneforge.dataset;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** The held-out test size: the default 10 %, a dataset's own fraction or count, a version's override, bad values. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class TestSizeTest {

    private static final String KEY = TestTenants.ACME_KEY;

    @Test
    void theTestSizeIsSetPerDatasetOrPerVersionAsAFractionOrACount() {
        String plain = DatasetApiTest.createDataset(KEY, "default-split");
        upload(plain, "").then().statusCode(201).body("test_size", equalTo(0.1f)).body("splits.test.examples", equalTo(4));

        String quarter = given().header("Authorization", bearer(KEY)).contentType(ContentType.JSON)
                .body("{\"name\":\"quarter\",\"method\":\"supervised\",\"test_size\":0.25}").when().post("/api/v1/datasets")
                .then().statusCode(201).body("test_size", equalTo(0.25f)).extract().path("id");
        upload(quarter, "").then().statusCode(201).body("test_size", equalTo(0.25f)).body("splits.test.examples", equalTo(10));
        // A version's own size wins over the dataset's; a count is a number of examples.
        upload(quarter, "?test_size=7").then().statusCode(201).body("test_size", equalTo(7)).body("splits.test.examples", equalTo(7));
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + quarter + "/versions/2")
                .then().statusCode(200).body("test_size", equalTo(7)).body("splits.test.examples", equalTo(7));
        String test = given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + quarter + "/versions/2/splits/test")
                .then().statusCode(200).extract().asString();
        assertThat(test.lines()).hasSize(7);
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + plain)
                .then().statusCode(200).body("test_size", nullValue());
    }

    @Test
    void aBadOrTooLargeTestSizeIsAClearErrorAndStoresNothing() {
        String id = DatasetApiTest.createDataset(KEY, "bad-split");
        upload(id, "?test_size=1.5").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("test_size")).body("detail", containsString("e.g. 0.15"));
        upload(id, "?test_size=abc").then().statusCode(400).body("errors[0].field", equalTo("test_size"));
        upload(id, "?test_size=36").then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Held-out test size too large")).body("errors[0].field", equalTo("test_size"));
        given().header("Authorization", bearer(KEY)).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"method\":\"supervised\",\"test_size\":0}").when().post("/api/v1/datasets")
                .then().statusCode(400).body("errors[0].field", equalTo("test_size"));
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions")
                .then().statusCode(200).body("size()", equalTo(0));
    }

    private static io.restassured.response.Response upload(String id, String query) {
        return given().header("Authorization", bearer(KEY)).contentType("application/jsonl")
                .body(SampleData.bytes(SampleData.tickets(0, 40))).when().post("/api/v1/datasets/" + id + "/versions" + query);
    }
}
