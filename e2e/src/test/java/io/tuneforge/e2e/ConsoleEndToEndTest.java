package io.tuneforge.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.cli.api.ServiceClient;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The web console as `tuneforge up` starts it: its page, connected to every service, reading them through its proxy. */
class ConsoleEndToEndTest {

    @Test
    void theConsoleServesItsPageAndReadsEveryServiceWithTheUsersKey() {
        E2eStack stack = E2eStack.get();
        ServiceClient console = stack.client("console");
        assertThat(console.getText("/", "text/html")).contains("<title>tuneforge console</title>");
        JsonNode services = console.get("/console/services");
        for (String service : List.of("dataset", "training", "eval", "cost", "gateway")) {
            assertThat(services.path(service).asBoolean()).as(service + " connected").isTrue();
        }
        String name = "console-" + UUID.randomUUID().toString().substring(0, 8);
        String id = console.postJson("/proxy/dataset/api/v1/datasets", Map.of("name", name, "method", "supervised")).path("id").asText();
        assertThat(stack.client("dataset-service").get("/api/v1/datasets/" + id).path("name").asText()).isEqualTo(name);
        assertThat(console.get("/proxy/training/api/v1/jobs?limit=5").has("data")).isTrue();
        assertThat(console.get("/proxy/eval/api/v1/evals?limit=5").has("data")).isTrue();
        assertThat(console.get("/proxy/cost/api/v1/spend").isObject()).isTrue();
        assertThat(console.get("/proxy/gateway/api/v1/aliases").isContainerNode()).isTrue();
    }
}
