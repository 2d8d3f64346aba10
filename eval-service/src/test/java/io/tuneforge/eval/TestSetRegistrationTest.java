package io.tuneforge.eval;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.events.dataset.DatasetValidated;
import io.tuneforge.events.dataset.SplitSummary;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class TestSetRegistrationTest {

    @Test
    void heldOutSplitOfAValidatedVersionBecomesATestSetOfItsTenant() {
        String datasetId = "ds_" + UUID.randomUUID().toString().substring(0, 8);
        TopicProbe.publishEvent(new DatasetValidated(datasetId, "dsv_" + datasetId, 1, "tickets", "supervised", 100,
                "o200k_base", 9_000, List.of(
                        new SplitSummary("train", 80, 7_200, "/t"),
                        new SplitSummary("test", 11, 990, "/api/v1/datasets/" + datasetId + "/versions/1/splits/test")),
                List.of()), "evt-" + UUID.randomUUID(), TestTenants.ACME);
        // A version without a held-out split gives nothing to evaluate on.
        TopicProbe.publishEvent(new DatasetValidated(datasetId, "dsv2_" + datasetId, 2, "tickets", "supervised", 12,
                "o200k_base", 900, List.of(new SplitSummary("train", 12, 900, "/t"), new SplitSummary("test", 0, 0, "/x")),
                List.of()), "evt-" + UUID.randomUUID(), TestTenants.ACME);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().header("Authorization", bearer(TestTenants.ACME_KEY)).queryParam("dataset_id", datasetId)
                        .when().get("/api/v1/test-sets")
                        .then().statusCode(200).body("$", hasSize(1))
                        .body("[0].examples", equalTo(11))
                        .body("[0].test_path", equalTo("/api/v1/datasets/" + datasetId + "/versions/1/splits/test")));
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).queryParam("dataset_id", datasetId)
                .when().get("/api/v1/test-sets").then().statusCode(200).body("$", hasSize(0));
        given().when().get("/api/v1/test-sets").then().statusCode(401);
    }
}
