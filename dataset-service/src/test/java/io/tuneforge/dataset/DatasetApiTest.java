package io.tuneforge.dataset;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tuneforge.events.Topics;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class DatasetApiTest {

    @Test
    void requestWithoutKeyIsUnauthorizedWithProblemDetails() {
        given().when().get("/api/v1/datasets")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("status", equalTo(401))
                .body("detail", containsString("Authorization: Bearer"));
        given().header("Authorization", bearer("not-a-key")).when().get("/api/v1/datasets")
                .then().statusCode(401).body("title", equalTo("Missing or invalid API key"));
    }

    @Test
    void healthAndOpenApiStayOpen() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", org.hamcrest.Matchers.hasKey("/api/v1/datasets"))
                .body("components.securitySchemes.apiKey.scheme", equalTo("bearer"));
        given().when().get("/q/metrics").then().statusCode(200).body(containsString("tuneforge_outbox_pending"));
    }

    @Test
    void anotherTenantCannotSeeADataset() {
        String id = createDataset(TestTenants.ACME_KEY, "acme-private");
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/datasets/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/datasets")
                .then().statusCode(200).body("data.id", not(hasItem(id)));
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).contentType("application/jsonl")
                .body(SampleData.bytes(SampleData.supervised(12))).when().post("/api/v1/datasets/" + id + "/versions")
                .then().statusCode(404);
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/datasets/" + id)
                .then().statusCode(200).body("name", equalTo("acme-private"));
    }

    @Test
    void aServiceKeyActsOnlyForTheTenantItNames() {
        String id = createDataset(TestTenants.ACME_KEY, "read-by-training-service");
        given().header("Authorization", bearer(TestTenants.SERVICE_KEY)).header("X-Tuneforge-Tenant", TestTenants.ACME)
                .when().get("/api/v1/datasets/" + id).then().statusCode(200);
        given().header("Authorization", bearer(TestTenants.SERVICE_KEY)).header("X-Tuneforge-Tenant", TestTenants.GLOBEX)
                .when().get("/api/v1/datasets/" + id).then().statusCode(404);
        given().header("Authorization", bearer(TestTenants.SERVICE_KEY))
                .when().get("/api/v1/datasets/" + id).then().statusCode(401)
                .body("detail", containsString("X-Tuneforge-Tenant"));
        // A tenant key cannot borrow another tenant through the header.
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).header("X-Tuneforge-Tenant", TestTenants.ACME)
                .when().get("/api/v1/datasets/" + id).then().statusCode(404);
    }

    @Test
    void validUploadIsSplitAndAnnouncedOnKafka() {
        String id = createDataset(TestTenants.ACME_KEY, "tickets");
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/jsonl")
                .body(SampleData.bytes(SampleData.supervised(60))).when().post("/api/v1/datasets/" + id + "/versions")
                .then().statusCode(201)
                .body("status", equalTo("validated"))
                .body("version", equalTo(1))
                .body("example_count", equalTo(60));

        String train = given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .when().get("/api/v1/datasets/" + id + "/versions/1/splits/train")
                .then().statusCode(200).extract().asString();
        String test = given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .when().get("/api/v1/datasets/" + id + "/versions/1/splits/test")
                .then().statusCode(200).extract().asString();
        assertThat(train.lines().count() + test.lines().count()).isLessThanOrEqualTo(60).isGreaterThan(40);
        assertThat(train.lines()).noneMatch(test::contains);

        ConsumerRecord<String, String> event = TopicProbe.awaitRecord(Topics.DATASET_VALIDATED, Duration.ofSeconds(20),
                r -> id.equals(r.key())).orElseThrow(() -> new AssertionError("no dataset.validated event for " + id));
        assertThat(TopicProbe.header(event, "ce_type")).isEqualTo("io.tuneforge.dataset.validated.v1");
        assertThat(TopicProbe.header(event, "ce_tenant")).isEqualTo("acme");
        assertThat(TopicProbe.header(event, "ce_subject")).isEqualTo(id);
        assertThat(TopicProbe.header(event, "ce_source")).isEqualTo("/tuneforge/dataset-service");
        assertThat(event.value()).contains("\"example_count\":60").contains("\"encoding\":\"o200k_base\"");
    }

    @Test
    void brokenLinesAreRejectedWithTheirLineNumbersAndEarlierVersionsSurvive() {
        String id = createDataset(TestTenants.ACME_KEY, "mixed");
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/jsonl")
                .body(SampleData.bytes(SampleData.supervised(12))).when().post("/api/v1/datasets/" + id + "/versions")
                .then().statusCode(201).body("status", equalTo("validated"));

        String broken = SampleData.supervised(11) + "{\"messages\": [ {\"role\":\"user\"\n"
                + "{\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}\n";
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/jsonl")
                .body(SampleData.bytes(broken)).when().post("/api/v1/datasets/" + id + "/versions")
                .then().statusCode(201)
                .body("status", equalTo("rejected"))
                .body("example_count", equalTo(11)) // the lines without an error of their own
                .body("findings.find { it.code == 'invalid_json' }.line", equalTo(12))
                .body("findings.find { it.code == 'example_missing_assistant_message' }.line", equalTo(13));

        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/datasets/" + id + "/versions")
                .then().statusCode(200).body("$", hasSize(2)).body("[0].status", equalTo("validated"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/datasets/" + id + "/versions/2/report")
                .then().statusCode(200)
                .body("verdict", equalTo("FAILED"))
                .body("findings.find { it.code == 'invalid_json' }.examples[0].line", equalTo(12));
        given().header("Authorization", bearer(TestTenants.ACME_KEY))
                .when().get("/api/v1/datasets/" + id + "/versions/1/splits/train").then().statusCode(200);
        TopicProbe.awaitRecord(Topics.DATASET_REJECTED, Duration.ofSeconds(20), r -> id.equals(r.key()))
                .orElseThrow(() -> new AssertionError("no dataset.rejected event for " + id));
    }

    @Test
    void engineOnlyErrorsRejectTheVersionAndGzipUploadsAreRead() throws Exception {
        String id = createDataset(TestTenants.ACME_KEY, "secrets-and-gzip");
        // Special-token text makes OpenAI fail the job hours later: the engine rejects it at upload.
        String poisoned = SampleData.supervised(14).replace("Ticket 3:", "Ticket <|endoftext|> 3:");
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/jsonl")
                .body(SampleData.bytes(poisoned)).when().post("/api/v1/datasets/" + id + "/versions")
                .then().statusCode(201).body("status", equalTo("rejected"))
                .body("findings.find { it.code == 'special_token_text' }.line", equalTo(4));

        java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream out = new java.util.zip.GZIPOutputStream(gz)) {
            out.write(SampleData.bytes(SampleData.supervised(30)));
        }
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType("application/octet-stream")
                .body(gz.toByteArray()).when().post("/api/v1/datasets/" + id + "/versions")
                .then().statusCode(201).body("status", equalTo("validated")).body("example_count", equalTo(30));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/datasets/" + id + "/versions/2/report")
                .then().statusCode(200).body("verdict", org.hamcrest.Matchers.startsWith("PASSED"));
    }

    @Test
    void invalidRequestsGetSpecificProblems() {
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body("{\"name\":\"\",\"method\":\"rlhf\"}").when().post("/api/v1/datasets")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("method"))
                .body("errors.find { it.field == 'method' }.message", equalTo("must be 'supervised' or 'dpo'"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body("{\"name\": ").when().post("/api/v1/datasets")
                .then().statusCode(400).contentType("application/problem+json");
        // A misspelt field is named, never silently dropped; a wrong type names its field too.
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"method\":\"supervised\",\"metod\":\"dpo\"}").when().post("/api/v1/datasets")
                .then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Unknown field"))
                .body("errors[0].field", equalTo("metod")).body("detail", containsString("known fields here: method, name"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).contentType(ContentType.JSON)
                .body("{\"name\":[1],\"method\":\"supervised\"}").when().post("/api/v1/datasets")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("field 'name'"));
        given().header("Authorization", bearer(TestTenants.ACME_KEY)).when().get("/api/v1/datasets?limit=500")
                .then().statusCode(400).body("errors[0].message", containsString("between 1 and 100"));
    }

    @Test
    void listIsPaginatedWithACursor() {
        for (int i = 0; i < 3; i++) {
            createDataset(TestTenants.GLOBEX_KEY, "page-" + i);
        }
        String next = given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/datasets?limit=2")
                .then().statusCode(200).body("data", hasSize(2)).body("has_more", equalTo(true))
                .extract().path("next_after");
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/datasets?limit=2&after=" + next)
                .then().statusCode(200).body("data.id", not(hasItem(next)));
    }

    static String createDataset(String key, String name) {
        return given().header("Authorization", bearer(key)).contentType(ContentType.JSON)
                .body("{\"name\":\"" + name + "\",\"method\":\"supervised\"}")
                .when().post("/api/v1/datasets")
                .then().statusCode(201).extract().path("id");
    }
}
