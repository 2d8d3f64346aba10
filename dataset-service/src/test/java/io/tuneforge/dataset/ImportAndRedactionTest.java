package io.tuneforge.dataset;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** Uploads converted from other formats by the engine's importer, and redacted copies made with its PiiRedactor. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class ImportAndRedactionTest {

    private static final String KEY = TestTenants.ACME_KEY;

    private static String alpaca(int n) {
        return IntStream.range(0, n).mapToObj(i -> "{\"instruction\":\"Classify support ticket " + i + "\",\"input\":\""
                        + SampleData.ticket(i).replaceAll(".*Ticket " + i + ":([^\"]*)\".*", "$1").strip()
                        + "\",\"output\":\"" + SampleData.label(i) + "\"}")
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static String shareGpt(int n) {
        return IntStream.range(0, n).mapToObj(i -> "{\"conversations\":[{\"from\":\"human\",\"value\":\"Question " + i + ": "
                        + SampleData.ticket(i).replaceAll(".*Ticket " + i + ":([^\"]*)\".*", "$1").strip()
                        + "\"},{\"from\":\"gpt\",\"value\":\"" + SampleData.label(i) + "\"}]}")
                .collect(Collectors.joining("\n", "", "\n"));
    }

    @Test
    void anImportedUploadIsStoredAsOpenAiJsonlWithItsMappingReport() {
        String id = DatasetApiTest.createDataset(KEY, "alpaca-import");
        byte[] body = SampleData.bytes(alpaca(12));
        upload(id, "?import=alpaca", body).statusCode(201)
                .body("status", equalTo("validated")).body("example_count", equalTo(12))
                .body("lineage.imported_from", equalTo("alpaca")).body("lineage.uploaded_bytes", equalTo(body.length));
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions/1/import-report")
                .then().statusCode(200)
                .body("source_format", equalTo("alpaca")).body("output_kind", equalTo("chat"))
                .body("records_read", equalTo(12)).body("records_written", equalTo(12)).body("records_skipped", equalTo(0))
                .body("mappings.from", hasItem("instruction")).body("mappings.from", hasItem("output"));
        String train = given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions/1/splits/train")
                .then().statusCode(200).extract().asString();
        assertThat(train.lines()).isNotEmpty().allMatch(l -> l.startsWith("{\"messages\":[") && !l.contains("\"instruction\""));

        // auto detects ShareGPT; a record that cannot be converted is skipped and reported, the rest still convert.
        upload(id, "?import=auto", SampleData.bytes(shareGpt(12) + "{\"conversations\":[]}\n")).statusCode(201)
                .body("status", equalTo("validated")).body("example_count", equalTo(12)).body("lineage.imported_from", equalTo("sharegpt"));
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions/2/import-report")
                .then().statusCode(200).body("records_skipped", equalTo(1)).body("skipped[0].line", equalTo(13));
        // Import and append combine: the converted lines are appended to the latest validated version.
        upload(id, "?mode=append&import=alpaca", SampleData.bytes(alpaca(3))).statusCode(201)
                .body("example_count", equalTo(15)).body("lineage.parent_version", equalTo(2))
                .body("lineage.imported_from", equalTo("alpaca"));
    }

    @Test
    void importsThatCannotApplyAreRefusedWithTheReason() {
        String id = DatasetApiTest.createDataset(KEY, "import-errors");
        upload(id, "?import=xml", SampleData.bytes(alpaca(12))).statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("alpaca"));
        upload(id, "?import=auto", SampleData.bytes(SampleData.tickets(0, 12))).statusCode(422)
                .body("detail", containsString("already OpenAI"));
        String dpo = given().header("Authorization", bearer(KEY)).contentType(ContentType.JSON)
                .body("{\"name\":\"pref\",\"method\":\"dpo\"}").when().post("/api/v1/datasets").then().statusCode(201).extract().path("id");
        upload(dpo, "?import=alpaca", SampleData.bytes(alpaca(12))).statusCode(422).body("detail", containsString("method"));
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions")
                .then().statusCode(200).body("$", empty());

        upload(id, "", SampleData.bytes(SampleData.tickets(0, 12))).statusCode(201).body("lineage.imported_from", nullValue());
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions/1/import-report")
                .then().statusCode(404);
    }

    @Test
    void aRedactedCopyIsANewVersionWithoutThePersonalData() {
        String id = DatasetApiTest.createDataset(KEY, "redact");
        String data = IntStream.range(0, 12).mapToObj(i -> i % 4 == 0
                        ? SampleData.ticket(i).replace("Ticket " + i + ":", "Ticket " + i + ": write to maria.lopez" + i + "@fastmail.fm,")
                        : SampleData.ticket(i))
                .collect(Collectors.joining("\n", "", "\n"));
        upload(id, "", SampleData.bytes(data)).statusCode(201).body("status", equalTo("validated"));
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions/1/report")
                .then().statusCode(200).body("findings.find { it.code == 'pii_email' }.count", equalTo(3));

        given().header("Authorization", bearer(KEY)).when().post("/api/v1/datasets/" + id + "/versions/1/redacted")
                .then().statusCode(201)
                .body("version", equalTo(2)).body("status", equalTo("validated")).body("example_count", equalTo(12))
                .body("lineage.mode", equalTo("redacted")).body("lineage.parent_version", equalTo(1))
                .body("lineage.redaction.lines_changed", equalTo(3))
                .body("lineage.redaction.replacements.pii_email", equalTo(3));
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions/2/report")
                .then().statusCode(200).body("findings.code", not(hasItem("pii_email")));
        StringBuilder all = new StringBuilder();
        for (String split : new String[] {"train", "validation", "test"}) {
            all.append(given().header("Authorization", bearer(KEY)).when()
                    .get("/api/v1/datasets/" + id + "/versions/2/splits/" + split).then().statusCode(200).extract().asString());
        }
        assertThat(all.toString()).doesNotContain("fastmail.fm").contains("[EMAIL]");
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions/2/diff?against=1")
                .then().statusCode(200).body("examples.added", equalTo(3)).body("examples.removed", equalTo(3))
                .body("examples.unchanged", equalTo(9)).body("findings.pii_email.delta", equalTo(-3));

        // The original is untouched, and a rejected version has no examples to redact.
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions/1/report")
                .then().statusCode(200).body("findings.find { it.code == 'pii_email' }.count", equalTo(3));
        upload(id, "", SampleData.bytes("{\"messages\": [\n")).statusCode(201).body("status", equalTo("rejected"));
        given().header("Authorization", bearer(KEY)).when().post("/api/v1/datasets/" + id + "/versions/3/redacted")
                .then().statusCode(409).contentType("application/problem+json");
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().post("/api/v1/datasets/" + id + "/versions/1/redacted")
                .then().statusCode(404);
    }

    private static ValidatableResponse upload(String id, String query, byte[] body) {
        return given().header("Authorization", bearer(KEY)).contentType("application/octet-stream").body(body)
                .when().post("/api/v1/datasets/" + id + "/versions" + query).then();
    }
}
