package io.tuneforge.simulator;

import static org.awaitility.Awaitility.await;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FileObject;
import com.openai.models.files.FilePurpose;
import com.openai.models.finetuning.jobs.FineTuningJob;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * What the tests share: an openai-java client pointed at the running simulator, the simulator's admin
 * knobs (not part of OpenAI's API, so plain HTTP), and the shared real datasets when present.
 */
public final class SimulatorHarness {

    private SimulatorHarness() {}

    public static String root() {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        return "http://localhost:" + port;
    }

    public static OpenAIClient client() {
        return client(2);
    }

    public static OpenAIClient client(int maxRetries) {
        return OpenAIOkHttpClient.builder().baseUrl(root() + "/v1").apiKey("sk-test").maxRetries(maxRetries)
                .timeout(Duration.ofSeconds(30)).build();
    }

    public static String admin(String method, String path, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + "/admin" + path)).header("content-type", "application/json");
            request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("admin " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void reset() {
        admin("POST", "/reset", null);
    }

    public static FileObject upload(OpenAIClient client, String name, String jsonl) {
        return client.files().create(FileCreateParams.builder()
                .file(com.openai.core.MultipartField.<java.io.InputStream>builder()
                        .value(new java.io.ByteArrayInputStream(jsonl.getBytes(StandardCharsets.UTF_8))).filename(name).build())
                .purpose(FilePurpose.FINE_TUNE).build());
    }

    public static FineTuningJob awaitFinished(OpenAIClient client, String jobId) {
        return await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50))
                .until(() -> client.fineTuning().jobs().retrieve(jobId), j -> List.of(FineTuningJob.Status.SUCCEEDED,
                        FineTuningJob.Status.FAILED, FineTuningJob.Status.CANCELLED).contains(j.status()));
    }

    /** ../shared/data beside the project root, or null when this checkout has none (tests then skip). */
    public static Path sharedData(String file) {
        String root = System.getProperty("tuneforge.root");
        Path base = root != null ? Path.of(root).resolve("../shared/data") : Path.of("../../shared/data");
        Path path = base.resolve(file).normalize();
        return Files.exists(path) ? path : null;
    }
}
