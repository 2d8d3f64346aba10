package io.tuneforge.dataset;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Append versions and their lineage, diff statistics between versions, and stratified splits, through the REST API. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class VersionsTest {

    private static final String KEY = TestTenants.ACME_KEY;

    @Test
    void anAppendIsTheParentPlusTheUploadValidatedAsAWholeAndTheParentIsUntouched() throws Exception {
        String id = DatasetApiTest.createDataset(KEY, "append");
        byte[] first = SampleData.bytes(SampleData.tickets(0, 30));
        upload(id, "", first).statusCode(201)
                .body("status", equalTo("validated")).body("example_count", equalTo(30))
                .body("lineage.mode", equalTo("upload")).body("lineage.parent_version", nullValue())
                .body("lineage.uploaded_bytes", equalTo(first.length)).body("lineage.first_uploaded_line", equalTo(1));

        byte[] more = SampleData.bytes(SampleData.tickets(30, 40));
        upload(id, "?mode=append", more).statusCode(201)
                .body("status", equalTo("validated")).body("version", equalTo(2)).body("example_count", equalTo(40))
                .body("lineage.mode", equalTo("append")).body("lineage.parent_version", equalTo(1))
                .body("lineage.uploaded_bytes", equalTo(more.length)).body("lineage.first_uploaded_line", equalTo(31));
        assertThat(allSplits(id, 2)).hasSize(40).containsAll(SampleData.tickets(0, 40).lines().toList());
        assertThat(allSplits(id, 1)).hasSize(30).containsExactlyInAnyOrderElementsOf(SampleData.tickets(0, 30).lines().toList());

        // A broken appended line is reported at its line in the combined file: 40 parent lines, then the upload's 6th.
        byte[] broken = SampleData.gzip(SampleData.tickets(40, 45) + "{\"messages\": [\n");
        upload(id, "?mode=append", broken).statusCode(201)
                .body("status", equalTo("rejected")).body("version", equalTo(3))
                .body("lineage.first_uploaded_line", equalTo(41))
                .body("lineage.uploaded_bytes", equalTo(broken.length))
                .body("findings.find { it.code == 'invalid_json' }.line", equalTo(46));
        // The next append extends the latest validated version (2), not the rejected 3.
        upload(id, "?mode=append", SampleData.gzip(SampleData.tickets(40, 45))).statusCode(201)
                .body("status", equalTo("validated")).body("version", equalTo(4)).body("example_count", equalTo(45))
                .body("lineage.parent_version", equalTo(2));
        upload(id, "?mode=append&parent=1", SampleData.bytes(SampleData.tickets(50, 52))).statusCode(201)
                .body("example_count", equalTo(32)).body("lineage.parent_version", equalTo(1));
        assertThat(allSplits(id, 2)).hasSize(40);

        upload(id, "?mode=append&parent=3", more).statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("failed validation"));
        upload(id, "?mode=merge", more).statusCode(400).body("detail", containsString("mode=append"));
        // Without a mode, an upload is a new version on its own.
        upload(id, "", SampleData.bytes(SampleData.tickets(100, 112))).statusCode(201)
                .body("example_count", equalTo(12)).body("lineage.mode", equalTo("upload")).body("lineage.parent_version", nullValue());

        String empty = DatasetApiTest.createDataset(KEY, "append-to-nothing");
        upload(empty, "?mode=append", more).statusCode(409).body("title", equalTo("Nothing to append to"));
    }

    @Test
    void diffCountsExamplesByContentNotByLine() {
        String id = DatasetApiTest.createDataset(KEY, "diff");
        upload(id, "", SampleData.bytes(SampleData.tickets(0, 40))).statusCode(201).body("status", equalTo("validated"));
        // Tickets 10..49 in reverse order, ticket 15 with its message keys in another order (same content), and a
        // second copy of ticket 20 (an added example, and an exact_duplicate warning).
        List<String> lines = new ArrayList<>(SampleData.tickets(10, 50).lines().toList());
        Collections.reverse(lines);
        lines.replaceAll(l -> l.equals(SampleData.ticket(15))
                ? l.replace("{\"role\":\"user\",\"content\":", "{\"content\":")
                        .replaceFirst("(\\{\"content\":\"Ticket 15:[^\"]*\")\\}", "$1,\"role\":\"user\"}")
                : l);
        assertThat(lines).doesNotContain(SampleData.ticket(15));
        lines.add(SampleData.ticket(20));
        upload(id, "", SampleData.bytes(String.join("\n", lines) + "\n")).statusCode(201).body("status", equalTo("validated"));

        ValidatableResponse diff = given().header("Authorization", bearer(KEY))
                .when().get("/api/v1/datasets/" + id + "/versions/2/diff?against=1").then().statusCode(200)
                .body("version", equalTo(2)).body("against", equalTo(1))
                .body("examples.added", equalTo(11)).body("examples.removed", equalTo(10)).body("examples.unchanged", equalTo(30))
                .body("example_count.delta", equalTo(1))
                .body("categories.fraud.version", equalTo(5)).body("categories.fraud.against", equalTo(4))
                .body("categories.fraud.delta", equalTo(1))
                .body("categories.billing.delta", equalTo(0))
                .body("findings.exact_duplicate.version", equalTo(1)).body("findings.exact_duplicate.against", equalTo(0));
        Map<String, Integer> tokens = diff.extract().path("tokens");
        assertThat(tokens.get("delta")).isEqualTo(tokens.get("version") - tokens.get("against")).isPositive();
        Map<String, Map<String, Integer>> splits = diff.extract().path("splits");
        assertThat(splits.values().stream().mapToInt(c -> c.get("version")).sum()).isEqualTo(41);
        assertThat(splits.values().stream().mapToInt(c -> c.get("against")).sum()).isEqualTo(40);

        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions/2/diff?against=2")
                .then().statusCode(200).body("examples.unchanged", equalTo(41)).body("examples.added", equalTo(0))
                .body("examples.removed", equalTo(0)).body("tokens.delta", equalTo(0));
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions/2/diff")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("?against=1"));
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions/2/diff?against=9")
                .then().statusCode(404);
        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().get("/api/v1/datasets/" + id + "/versions/2/diff?against=1")
                .then().statusCode(404);
    }

    @Test
    void theSplitKeepsEachCategorysShareAndIsTheSameForTheSameData() {
        String id = DatasetApiTest.createDataset(KEY, "stratified");
        // 100 tickets (60 billing, 30 refund, 10 fraud); tickets 0..9 asked twice with the other answer as well:
        // the same prompt must land in one split.
        String contradictions = IntStream.range(0, 10)
                .mapToObj(i -> SampleData.ticket(i).replace("\"content\":\"" + SampleData.label(i) + "\"}",
                        "\"content\":\"" + ("refund".equals(SampleData.label(i)) ? "billing" : "refund") + "\"}"))
                .collect(Collectors.joining("\n", "", "\n"));
        String data = SampleData.tickets(0, 100) + contradictions;
        ValidatableResponse version = upload(id, "", SampleData.bytes(data)).statusCode(201)
                .body("status", equalTo("validated")).body("stratified", equalTo(true));
        Map<String, Map<String, Object>> splits = version.extract().path("splits");
        Map<String, Integer> test = castCounts(splits.get("test").get("categories"));
        Map<String, Integer> train = castCounts(splits.get("train").get("categories"));
        // 110 examples: 11 held out and 11 for validation, each category's share within rounding.
        assertThat(((Number) splits.get("test").get("examples")).intValue()).isBetween(10, 12);
        assertThat(test.get("billing")).isBetween(5, 8);
        assertThat(test.get("refund")).isBetween(2, 5);
        assertThat(test.get("fraud")).isBetween(1, 3);
        assertThat(train.values().stream().mapToInt(Integer::intValue).sum()
                + ((Number) splits.get("validation").get("examples")).intValue()
                + ((Number) splits.get("test").get("examples")).intValue()).isEqualTo(110);

        String heldOut = split(id, 1, "test");
        String trained = split(id, 1, "train") + split(id, 1, "validation");
        for (int i = 0; i < 100; i++) {
            String prompt = "\"content\":\"Ticket " + i + ":";
            assertThat(heldOut.contains(prompt) && trained.contains(prompt)).as("ticket %d straddles splits", i).isFalse();
        }

        upload(id, "", SampleData.bytes(data)).statusCode(201).body("splits", equalTo(splits));
        assertThat(split(id, 2, "test")).isEqualTo(heldOut);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Integer> castCounts(Object counts) {
        return (Map<String, Integer>) counts;
    }

    private static ValidatableResponse upload(String id, String query, byte[] body) {
        return given().header("Authorization", bearer(KEY)).contentType("application/octet-stream").body(body)
                .when().post("/api/v1/datasets/" + id + "/versions" + query).then();
    }

    private static String split(String id, int version, String split) {
        return given().header("Authorization", bearer(KEY))
                .when().get("/api/v1/datasets/" + id + "/versions/" + version + "/splits/" + split)
                .then().statusCode(200).extract().asString();
    }

    private static List<String> allSplits(String id, int version) {
        List<String> lines = new ArrayList<>();
        for (String split : List.of("train", "validation", "test")) {
            lines.addAll(split(id, version, split).lines().toList());
        }
        return lines;
    }
}
