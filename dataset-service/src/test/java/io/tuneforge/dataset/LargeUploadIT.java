package io.tuneforge.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.localinfra.QuarkusServiceProcess;
import io.tuneforge.testsupport.SiblingServices;
import io.tuneforge.testsupport.TestTenants;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A large upload through the packaged service (its own JVM, -Xmx256m as SiblingServices runs it): generated on the
 * fly and streamed, never held in memory on either side. The service must validate and store every example, and
 * its peak resident set (VmHWM of the process) must stay under 512 MB.
 *
 * <p>Size: {@code -Dtuneforge.large-upload.mb} (default 24, a CI-sized run); {@code -Dtuneforge.large-upload.gzip=true}
 * sends it gzip-compressed. The full benchmark is {@code dataset-service/bench-upload.sh 300}. The figures (time,
 * throughput, peak RSS) are printed and written to {@code target/large-upload.txt}; only memory is asserted.
 */
class LargeUploadIT {

    private static final long MAX_RSS_KB = 512 * 1024;
    private static final String[] WORDS = ("account address annual balance bank billing branch card charge checkout code "
            + "coupon credit customer debit delivery deposit discount email error fee fraud gift invoice item late "
            + "limit login mobile monthly online order package password payment phone plan premium price receipt "
            + "refund renewal return shipping statement store subscription tax transfer upgrade wallet warranty").split(" ");
    private static final String[] LABELS = {"billing", "billing", "billing", "refund", "refund", "fraud"};

    private static QuarkusServiceProcess service;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    static void start() {
        // SerialGC as in the benchmark of the engine: G1's remembered sets cost RSS that a 256 MB heap does not need.
        service = SiblingServices.startInstance("dataset-service", "dataset-service-large-upload",
                Map.of("JAVA_TOOL_OPTIONS", System.getProperty("tuneforge.large-upload.jvm", "-XX:+UseSerialGC")));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void aLargeUploadIsValidatedAndStoredWithBoundedMemory() throws Exception {
        long megabytes = Long.getLong("tuneforge.large-upload.mb", 24);
        boolean gzip = Boolean.getBoolean("tuneforge.large-upload.gzip");
        String dataset = json.readTree(send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/datasets"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"large\",\"method\":\"supervised\"}")), 201)).path("id").asText();

        GeneratedTickets generated = new GeneratedTickets(megabytes * 1_000_000);
        long started = System.nanoTime();
        JsonNode version = json.readTree(send(HttpRequest.newBuilder(URI.create(service.baseUrl() + "/api/v1/datasets/" + dataset + "/versions"))
                .header("Content-Type", "application/octet-stream")
                .timeout(Duration.ofHours(1))
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> gzip ? gzipped(generated) : generated)), 201));
        double seconds = (System.nanoTime() - started) / 1e9;
        long peakKb = peakRssKb(service.pid());

        String figures = String.format(java.util.Locale.ROOT,
                "large upload: %d MB %s (%d examples) -> %s in %.1f s (%.2f MB/s); service peak RSS (VmHWM) %d MB with -Xmx256m %s%n",
                megabytes, gzip ? "gzip" : "plain", generated.examples, version.path("status").asText(), seconds,
                generated.bytes / 1e6 / seconds, peakKb / 1024, System.getProperty("tuneforge.large-upload.jvm", "-XX:+UseSerialGC"));
        System.out.print(figures);
        Files.writeString(Path.of("target", "large-upload.txt"), figures, StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);

        assertThat(version.path("status").asText()).as(version.toString()).isEqualTo("validated");
        assertThat(version.path("example_count").asLong()).isEqualTo(generated.examples);
        assertThat(version.path("stratified").asBoolean()).isTrue();
        long heldOut = version.path("splits").path("test").path("examples").asLong();
        assertThat(heldOut).isBetween(generated.examples / 10 - 1, generated.examples / 10 + 1);
        long streamedBack = countLines(dataset, "test");
        assertThat(streamedBack).isEqualTo(heldOut);
        assertThat(peakKb).as("service peak RSS in kB").isLessThan(MAX_RSS_KB);
    }

    private String send(HttpRequest.Builder request, int expectedStatus) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", TestTenants.bearer(TestTenants.ACME_KEY))
                .timeout(Duration.ofHours(1)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(expectedStatus);
        return response.body();
    }

    private long countLines(String dataset, String split) throws IOException, InterruptedException {
        HttpResponse<java.util.stream.Stream<String>> response = http.send(HttpRequest.newBuilder(
                        URI.create(service.baseUrl() + "/api/v1/datasets/" + dataset + "/versions/1/splits/" + split))
                .header("Authorization", TestTenants.bearer(TestTenants.ACME_KEY)).timeout(Duration.ofMinutes(10)).build(),
                HttpResponse.BodyHandlers.ofLines());
        try (java.util.stream.Stream<String> lines = response.body()) {
            return lines.count();
        }
    }

    static long peakRssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D+", ""));
            }
        }
        throw new IllegalStateException("no VmHWM in /proc/" + pid + "/status");
    }

    /** The generated stream, gzip-compressed on a writer thread through a pipe (bounded buffer). */
    private static InputStream gzipped(InputStream plain) {
        try {
            PipedInputStream in = new PipedInputStream(1 << 16);
            PipedOutputStream out = new PipedOutputStream(in);
            Thread writer = new Thread(() -> {
                try (OutputStream gz = new GZIPOutputStream(out, 1 << 16); plain) {
                    plain.transferTo(gz);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, "gzip-upload");
            writer.setDaemon(true);
            writer.start();
            return in;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Distinct support tickets of ~1 KB, one line at a time, until the target size; nothing is kept. */
    private static final class GeneratedTickets extends InputStream {
        private final long target;
        private byte[] line = new byte[0];
        private int position;
        long bytes;
        long examples;

        GeneratedTickets(long target) {
            this.target = target;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (position == line.length && !nextLine()) {
                return -1;
            }
            int n = Math.min(len, line.length - position);
            System.arraycopy(line, position, b, off, n);
            position += n;
            return n;
        }

        private boolean nextLine() {
            if (bytes >= target) {
                return false;
            }
            SplittableRandom random = new SplittableRandom(examples * 0x9E3779B97F4A7C15L + 1);
            StringBuilder question = new StringBuilder("Ticket ").append(examples).append(':');
            for (int w = 0; w < 140; w++) {
                question.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
            }
            line = ("{\"messages\":[{\"role\":\"system\",\"content\":\"Classify the ticket.\"},{\"role\":\"user\",\"content\":\""
                    + question + "\"},{\"role\":\"assistant\",\"content\":\"" + LABELS[random.nextInt(LABELS.length)] + "\"}]}\n")
                    .getBytes(StandardCharsets.UTF_8);
            position = 0;
            bytes += line.length;
            examples++;
            return true;
        }
    }
}
