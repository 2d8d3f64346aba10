package io.tuneforge.simulator;

import static io.tuneforge.simulator.SimulatorHarness.client;
import static io.tuneforge.simulator.SimulatorHarness.root;
import static io.tuneforge.simulator.SimulatorHarness.upload;
import static org.assertj.core.api.Assertions.assertThat;

import com.openai.models.files.FileObject;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.simulator.limits.IdempotencyKeys;
import io.tuneforge.simulator.limits.RememberedResponse;
import io.tuneforge.simulator.storage.DataFolder;
import io.tuneforge.simulator.storage.SimulatorState;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.Arrays;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What grows with traffic is bounded: file bytes live on disk, remembered keys are capped, big JSON bodies refused. */
@QuarkusTest
class BoundedStateTest {

    @Inject
    DataFolder folder;

    @Inject
    SimulatorState state;

    @Inject
    IdempotencyKeys keys;

    @BeforeEach
    void reset() {
        SimulatorHarness.reset();
    }

    @Test
    void fileContentsAreBlobsOnDiskAndStreamedBack() throws Exception {
        String jsonl = TicketData.jsonl(TicketData.generate(20, 1));
        FileObject file = upload(client(), "tickets.jsonl", jsonl);
        assertThat(folder.blobPath(file.id())).as("the bytes are on disk, not in the heap").isPresent();
        assertThat(Files.readString(folder.blobPath(file.id()).orElseThrow())).isEqualTo(jsonl);
        assertThat(client().files().content(file.id()).body().readAllBytes()).isEqualTo(jsonl.getBytes());
        client().files().delete(file.id());
        assertThat(folder.blobPath(file.id())).isEmpty();
    }

    @Test
    void rememberedIdempotencyKeysAreCapped() {
        long now = System.currentTimeMillis();
        for (int i = 0; i < 10_050; i++) {
            keys.remember(new RememberedResponse("org POST /v1/chat/completions k" + i, 200, "application/json", "{}", now + i));
        }
        assertThat(state.idempotency).hasSizeLessThanOrEqualTo(10_000);
        assertThat(state.idempotency).containsKey("org POST /v1/chat/completions k10049").doesNotContainKey("org POST /v1/chat/completions k0");
    }

    @Test
    void anOversizedJsonBodyIsA413BeforeItIsRead() throws Exception {
        char[] filler = new char[17 * 1024 * 1024];
        Arrays.fill(filler, 'a');
        String body = "{\"model\":\"gpt-4o-mini\",\"messages\":[{\"role\":\"user\",\"content\":\"" + new String(filler) + "\"}]}";
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root() + "/v1/chat/completions"))
                .header("Authorization", "Bearer sk-test").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("request_too_large").contains("16777216");
    }
}
