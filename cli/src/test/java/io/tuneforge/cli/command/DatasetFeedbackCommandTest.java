package io.tuneforge.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import io.tuneforge.cli.ExitCodes;
import io.tuneforge.cli.Tuneforge;
import io.tuneforge.cli.api.ServiceClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** `tuneforge datasets feedback`: what it sends to dataset-service and how it shows the answer. */
class DatasetFeedbackCommandTest {

    private static final String SOURCE = """
            {"dataset_id":"ds_1","alias":"support","min_new_pairs":10,"auto_version":false,"redact_pii":true,
             "counts":{"feedback_seen":7,"feedback_without_exchange":2,"pending_pairs":4,"pairs_used":0,
                       "waiting_for_counterpart":1,"unpaired":{"neutral_rating":1}}}""";

    private static final String PAIRS = """
            {"data":[{"id":"fbp_1","rule":"correction","feedback_id":"fb_1","version":null,
              "example":{"input":{"messages":[{"role":"system","content":"Route."},{"role":"user","content":"Card charged twice"}]},
                         "preferred_output":[{"role":"assistant","content":"billing"}],
                         "non_preferred_output":[{"role":"assistant","content":"shipping"}]}}],
             "has_more":true,"next_after":"fbp_1"}""";

    @TempDir
    Path stateDir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final List<String> requests = new ArrayList<>();
    private HttpServer server;

    @BeforeEach
    void datasetService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " " + body);
            byte[] answer = (exchange.getRequestURI().getPath().endsWith("/pairs") ? PAIRS : SOURCE).getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private int run(String... args) {
        CommandLine commandLine = Tuneforge.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("--state-dir", stateDir.toString()));
        all.addAll(List.of(args));
        all.addAll(List.of("--api-key", "k", "--url", "http://127.0.0.1:" + server.getAddress().getPort()));
        return commandLine.execute(all.toArray(String[]::new));
    }

    @Test
    void setSendsTheSourceAndShowsItsCountsWithAHintWhenTheAliasDoesNotCapture() throws Exception {
        assertThat(run("datasets", "feedback", "set", "ds_1", "--alias", "support", "--min-new-pairs", "10", "--no-auto-version"))
                .isEqualTo(ExitCodes.OK);
        assertThat(requests).hasSize(1);
        assertThat(requests.get(0)).startsWith("PUT /api/v1/datasets/ds_1/feedback-source ");
        JsonNode sent = ServiceClient.JSON.readTree(requests.get(0).substring(requests.get(0).indexOf('{')));
        assertThat(sent.path("alias").asText()).isEqualTo("support");
        assertThat(sent.path("min_new_pairs").asInt()).isEqualTo(10);
        assertThat(sent.path("auto_version").asBoolean()).isFalse();
        assertThat(sent.path("redact_pii").asBoolean()).isTrue();
        assertThat(out.toString()).contains("dataset ds_1 <- alias support: a version every 10 new pairs (on demand only), PII redacted")
                .contains("pairs pending 4, used 0").contains("no pair made: {\"neutral_rating\":1}")
                .contains("turn capture on: tuneforge aliases set support ... --capture");
    }

    @Test
    void buildShowAndRemoveCallTheirPathsAndAnAliasIsRequired() {
        assertThat(run("datasets", "feedback", "show", "ds_1")).isEqualTo(ExitCodes.OK);
        assertThat(run("datasets", "feedback", "build", "ds_1")).isEqualTo(ExitCodes.OK);
        assertThat(run("datasets", "feedback", "remove", "ds_1")).isEqualTo(ExitCodes.OK);
        assertThat(run("datasets", "feedback", "pairs", "ds_1", "--used")).isEqualTo(ExitCodes.OK);
        assertThat(out.toString()).contains("fbp_1").contains("correction").contains("Card charged twice").contains("billing")
                .contains("shipping").contains("more: tuneforge datasets feedback pairs ds_1 --used --after fbp_1");
        assertThat(run("datasets", "feedback", "reject", "ds_1", "fbp_1")).isEqualTo(ExitCodes.OK);
        assertThat(requests).extracting(r -> r.substring(0, r.indexOf(' ', r.indexOf(' ') + 1))).containsExactly(
                "GET /api/v1/datasets/ds_1/feedback-source", "POST /api/v1/datasets/ds_1/feedback-source/versions",
                "DELETE /api/v1/datasets/ds_1/feedback-source", "GET /api/v1/datasets/ds_1/feedback-source/pairs?status=used&limit=50",
                "DELETE /api/v1/datasets/ds_1/feedback-source/pairs/fbp_1");
        assertThat(run("datasets", "feedback", "set", "ds_1")).isEqualTo(ExitCodes.USAGE);
        assertThat(err.toString()).contains("--alias");
    }
}
