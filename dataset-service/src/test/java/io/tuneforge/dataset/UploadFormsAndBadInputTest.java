package io.tuneforge.dataset;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;

import static io.restassured.RestAssured.given;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasItem;

/** Multipart uploads, deletion, and every kind of bad upload: a clear error, and earlier versions intact. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
class UploadFormsAndBadInputTest {

    private static final String KEY = TestTenants.ACME_KEY;

    @Test
    void aMultipartUploadIsTheSameAsARawBody(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        String id = DatasetApiTest.createDataset(KEY, "form-upload");
        Path file = dir.resolve("train.jsonl");
        Files.writeString(file, SampleData.tickets(0, 40));
        given().header("Authorization", bearer(KEY)).multiPart("file", file.toFile(), "application/jsonl")
                .when().post("/api/v1/datasets/" + id + "/versions")
                .then().statusCode(201).body("status", equalTo("validated")).body("example_count", equalTo(40));
        given().header("Authorization", bearer(KEY)).contentType("application/jsonl").body(SampleData.bytes(SampleData.tickets(0, 40)))
                .when().post("/api/v1/datasets/" + id + "/versions")
                .then().statusCode(201).body("example_count", equalTo(40));
        String formTrain = train(id, 1);
        assertThat(formTrain.lines().toList()).containsExactlyElementsOf(train(id, 2).lines().toList());
        assertThat(formTrain).contains("Ticket 1:");

        given().header("Authorization", bearer(KEY)).multiPart("notes", "x")
                .when().post("/api/v1/datasets/" + id + "/versions")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Missing file")).body("detail", containsString("-F file=@train.jsonl"));
    }

    @Test
    void deletingAVersionLeavesTheOthersAndDeletingTheDatasetRemovesEverything() {
        String id = DatasetApiTest.createDataset(KEY, "to-delete");
        upload(id, SampleData.bytes(SampleData.tickets(0, 30))).then().statusCode(201);
        upload(id, SampleData.bytes(SampleData.tickets(0, 40))).then().statusCode(201);

        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().delete("/api/v1/datasets/" + id + "/versions/1")
                .then().statusCode(404);
        given().header("Authorization", bearer(KEY)).when().delete("/api/v1/datasets/" + id + "/versions/1").then().statusCode(204);
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions/1").then().statusCode(404);
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions/2/splits/train")
                .then().statusCode(200);
        // numbers are not reused: the next upload is version 3
        upload(id, SampleData.bytes(SampleData.tickets(0, 20))).then().statusCode(201).body("version", equalTo(3));

        given().header("Authorization", bearer(TestTenants.GLOBEX_KEY)).when().delete("/api/v1/datasets/" + id).then().statusCode(404);
        given().header("Authorization", bearer(KEY)).when().delete("/api/v1/datasets/" + id).then().statusCode(204);
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id).then().statusCode(404);
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions/2/splits/train").then().statusCode(404);
        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets?limit=100").then().statusCode(200)
                .body("data.id", not(hasItem(id)));
        given().header("Authorization", bearer(KEY)).when().delete("/api/v1/datasets/" + id).then().statusCode(404);
    }

    @Test
    void everyKindOfBadUploadGetsAClearErrorAndTheValidatedVersionSurvives() throws Exception {
        String id = DatasetApiTest.createDataset(KEY, "bad-uploads");
        upload(id, SampleData.bytes(SampleData.tickets(0, 30))).then().statusCode(201).body("status", equalTo("validated"));
        String before = train(id, 1);

        upload(id, new byte[0]).then().statusCode(400).contentType("application/problem+json").body("title", equalTo("Empty upload"));

        byte[] binary = new byte[4096];
        new SplittableRandom(7).nextBytes(binary);
        binary[10] = 0;
        upload(id, binary).then().statusCode(201).body("status", equalTo("rejected"))
                .body("findings.code", hasItem("binary_content"));

        byte[] gzip = SampleData.gzip(SampleData.tickets(0, 200));
        upload(id, Arrays.copyOf(gzip, gzip.length / 2)).then().statusCode(201).body("status", equalTo("rejected"))
                .body("findings.find { it.code == 'compressed_input_corrupt' }.message", containsString("gzip"));

        byte[] latin1 = (SampleData.tickets(0, 12) + "{\"messages\":[{\"role\":\"user\",\"content\":\"Caf\u00e9\"},"
                + "{\"role\":\"assistant\",\"content\":\"ok\"}]}\n").getBytes(StandardCharsets.ISO_8859_1);
        upload(id, latin1).then().statusCode(201).body("status", equalTo("rejected"))
                .body("findings.find { it.code == 'invalid_utf8' }.line", equalTo(13));

        // One 100 MB line: past the line bound (8 MiB), refused while it streams; no version is stored.
        given().header("Authorization", bearer(KEY)).contentType("application/jsonl")
                .body(new HugeLine(100L << 20)).when().post("/api/v1/datasets/" + id + "/versions")
                .then().statusCode(422).contentType("application/problem+json").body("title", equalTo("Line too long"))
                .body("errors[0].field", equalTo("tuneforge.dataset.ingest.max-line-size"));

        given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions")
                .then().statusCode(200).body("$", hasSize(4)).body("[0].status", equalTo("validated"))
                .body("[0].example_count", equalTo(30));
        assertThat(train(id, 1)).isEqualTo(before);
    }

    @Test
    void examplesOfTheOtherMethodAreRejectedAndAPreferenceShorthandIsStoredInOpenAisShape() {
        String supervised = DatasetApiTest.createDataset(KEY, "wrong-method");
        StringBuilder dpo = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            dpo.append("{\"input\": [{\"role\": \"user\", \"content\": \"Question ").append(i).append(" about my invoice\"}], ")
                    .append("\"preferred_output\": [{\"role\": \"assistant\", \"content\": \"Here is how to fix invoice ").append(i).append(".\"}], ")
                    .append("\"non_preferred_output\": [{\"role\": \"assistant\", \"content\": \"No.\"}]}\n");
        }
        upload(supervised, SampleData.bytes(dpo.toString())).then().statusCode(201).body("status", equalTo("rejected"))
                .body("findings.find { it.code == 'method_mismatch' }.line", equalTo(1))
                .body("findings.find { it.code == 'method_mismatch' }.message", containsString("upload it to a dpo dataset"));

        String preference = given().header("Authorization", bearer(KEY)).contentType(ContentType.JSON)
                .body("{\"name\":\"prefs\",\"method\":\"dpo\"}").when().post("/api/v1/datasets")
                .then().statusCode(201).extract().path("id");
        upload(preference, SampleData.bytes(dpo.toString())).then().statusCode(201).body("status", equalTo("validated"))
                .body("findings.find { it.code == 'dpo_input_shorthand' }.line", equalTo(1));
        String stored = train(preference, 1);
        assertThat(stored.lines()).isNotEmpty().allSatisfy(line -> assertThat(line).startsWith("{\"input\":{\"messages\":[{"));
    }

    private static io.restassured.response.Response upload(String id, byte[] body) {
        return given().header("Authorization", bearer(KEY)).contentType("application/jsonl").body(body)
                .when().post("/api/v1/datasets/" + id + "/versions");
    }

    private static String train(String id, int version) {
        return given().header("Authorization", bearer(KEY)).when().get("/api/v1/datasets/" + id + "/versions/" + version + "/splits/train")
                .then().statusCode(200).extract().asString();
    }

    /** {"messages": "aaaa...."} on one line of the given size, generated while it is sent. */
    private static final class HugeLine extends InputStream {
        private final byte[] head = "{\"messages\": \"".getBytes(StandardCharsets.US_ASCII);
        private final byte[] tail = "\"}\n".getBytes(StandardCharsets.US_ASCII);
        private final long size;
        private long pos;

        HugeLine(long size) {
            this.size = size;
        }

        @Override
        public int read() {
            if (pos >= size) {
                return -1;
            }
            long p = pos++;
            if (p < head.length) {
                return head[(int) p];
            }
            long fromEnd = size - p;
            return fromEnd <= tail.length ? tail[(int) (tail.length - fromEnd)] : 'a';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos >= size) {
                return -1;
            }
            int n = (int) Math.min(len, size - pos);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) read();
            }
            return n;
        }
    }
}
