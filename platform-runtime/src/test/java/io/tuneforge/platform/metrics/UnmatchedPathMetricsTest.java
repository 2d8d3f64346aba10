package io.tuneforge.platform.metrics;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.platform.probe.CuttableDatabase;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/** A request that matches no route leaves a fixed uri label in http_server_requests, never the path it invented. */
@QuarkusTest
@QuarkusTestResource(CuttableDatabase.class)
class UnmatchedPathMetricsTest {

    @Test
    void notFoundMethodNotAllowedAndTooLargeRequestsDoNotPutTheirPathIntoTheMetrics() {
        given().get("/made-up-path-404-x1").then().statusCode(404);
        given().get("/api/v1/made-up-path-404-x2").then().statusCode(404);
        given().delete("/probe/notes").then().statusCode(405);
        given().contentType("application/json").body("{\"title\":\"" + "x".repeat(20_000) + "\"}")
                .post("/probe/notes/made-up-path-413-x3").then().statusCode(413);
        given().contentType("application/json").body("{\"title\":\"" + "x".repeat(20_000) + "\"}")
                .post("/made-up-path-413-x4").then().statusCode(413);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics.lines().filter(l -> l.startsWith("http_server_requests_seconds_count")))
                .isNotEmpty()
                .noneMatch(l -> l.contains("made-up-path"))
                .anyMatch(l -> l.contains("status=\"404\"") && l.contains("uri=\"NOT_FOUND\""));
    }
}
