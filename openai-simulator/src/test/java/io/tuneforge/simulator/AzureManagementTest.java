package io.tuneforge.simulator;

import static io.tuneforge.simulator.SimulatorHarness.admin;
import static io.tuneforge.simulator.SimulatorHarness.root;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Azure's management plane: Entra tokens, the ARM deployments API, provisioning, expiry, removal, and the data plane on deployments. */
@QuarkusTest
class AzureManagementTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String ACCOUNT = "/azure-management/subscriptions/sub-1/resourceGroups/rg-1/providers/Microsoft.CognitiveServices/accounts/acct";
    static final String VERSION = "?api-version=2024-10-21";

    @BeforeEach
    void reset() {
        SimulatorHarness.reset();
    }

    static HttpResponse<String> send(String method, String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(root() + path)).timeout(Duration.ofSeconds(20)).header("content-type", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return JSON.readTree(response.body());
    }

    static HttpResponse<String> tokenRequest(String scope) throws Exception {
        String form = "grant_type=client_credentials&client_id=app-1&client_secret=s3cret&scope=" + URLEncoder.encode(scope, StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root() + "/azure-login/tenant-1/oauth2/v2.0/token"))
                .header("content-type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String token() throws Exception {
        HttpResponse<String> response = tokenRequest("https://management.azure.com/.default");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).path("token_type").asText()).isEqualTo("Bearer");
        assertThat(json(response).path("expires_in").asInt()).isEqualTo(3600);
        return json(response).path("access_token").asText();
    }

    static String deploymentBody(String sku, String model) {
        return "{\"sku\":{\"name\":\"" + sku + "\",\"capacity\":1},\"properties\":{\"model\":{\"format\":\"OpenAI\",\"name\":\"" + model
                + "\",\"version\":\"1\"}}}";
    }

    static JsonNode awaitState(String token, String name, String state) {
        return await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50)).until(
                () -> json(send("GET", ACCOUNT + "/deployments/" + name + VERSION, token, null)),
                d -> state.equals(d.path("properties").path("provisioningState").asText()));
    }

    static HttpResponse<String> chatOnDeployment(String name) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(root() + "/openai/deployments/" + name
                        + "/chat/completions" + VERSION)).header("api-key", "k").header("content-type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[{\"role\":\"user\",\"content\":\"hello there\"}]}")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void armRequiresAnApiVersionAndAnEntraTokenForTheManagementScope() throws Exception {
        HttpResponse<String> noVersion = send("GET", ACCOUNT + "/deployments", token(), null);
        assertThat(noVersion.statusCode()).isEqualTo(400);
        assertThat(json(noVersion).path("error").path("code").asText()).isEqualTo("MissingApiVersionParameter");
        HttpResponse<String> noToken = send("GET", ACCOUNT + "/deployments" + VERSION, null, null);
        assertThat(noToken.statusCode()).isEqualTo(401);
        assertThat(json(noToken).path("error").path("code").asText()).isEqualTo("AuthenticationFailed");
        HttpResponse<String> badToken = send("GET", ACCOUNT + "/deployments" + VERSION, "made-up", null);
        assertThat(json(badToken).path("error").path("code").asText()).isEqualTo("InvalidAuthenticationToken");
        assertThat(json(tokenRequest("https://cognitiveservices.azure.com/.default")).path("error").asText()).isEqualTo("invalid_scope");
        assertThat(send("GET", ACCOUNT + "/deployments" + VERSION, token(), null).statusCode()).isEqualTo(200);
    }

    @Test
    void aDeploymentIsCreatingThenSucceededServesChatsAndIsDeleted() throws Exception {
        String token = token();
        HttpResponse<String> created = send("PUT", ACCOUNT + "/deployments/candidate-1" + VERSION, token, deploymentBody("Standard", "gpt-4o-mini"));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).path("properties").path("provisioningState").asText()).isEqualTo("Creating");
        assertThat(json(created).path("id").asText()).endsWith("/accounts/acct/deployments/candidate-1");
        assertThat(chatOnDeployment("candidate-1").statusCode()).as("not serving while Creating").isEqualTo(404);

        awaitState(token, "candidate-1", "Succeeded");
        HttpResponse<String> chat = chatOnDeployment("candidate-1");
        assertThat(chat.statusCode()).isEqualTo(200);
        assertThat(json(chat).path("model").asText()).startsWith("gpt-4o-mini");
        JsonNode listed = json(send("GET", ACCOUNT + "/deployments" + VERSION, token, null)).path("value");
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).path("name").asText()).isEqualTo("candidate-1");

        assertThat(send("DELETE", ACCOUNT + "/deployments/candidate-1" + VERSION, token, null).statusCode()).isEqualTo(200);
        assertThat(send("GET", ACCOUNT + "/deployments/candidate-1" + VERSION, token, null).statusCode()).isEqualTo(404);
        assertThat(send("DELETE", ACCOUNT + "/deployments/candidate-1" + VERSION, token, null).statusCode()).isEqualTo(204);
    }

    @Test
    void anInjectedFailureEndsProvisioningFailedAndTheDataPlaneAnswersDeploymentNotFound() throws Exception {
        String token = token();
        admin("PUT", "/azure", "{\"fail_next\": 1}");
        send("PUT", ACCOUNT + "/deployments/broken" + VERSION, token, deploymentBody("Standard", "gpt-4o-mini"));
        awaitState(token, "broken", "Failed");
        HttpResponse<String> chat = chatOnDeployment("broken");
        assertThat(chat.statusCode()).isEqualTo(404);
        assertThat(json(chat).path("error").path("code").asText()).isEqualTo("DeploymentNotFound");
        assertThat(json(chat).path("error").path("message").asText()).startsWith("The API deployment for this resource does not exist.");
    }

    @Test
    void developerTierEndsAfterItsLifetimeAndIdleDeploymentsAreRemoved() throws Exception {
        String token = token();
        send("PUT", ACCOUNT + "/deployments/dev" + VERSION, token, deploymentBody("developertier", "gpt-4o-mini"));
        send("PUT", ACCOUNT + "/deployments/prod" + VERSION, token, deploymentBody("GlobalStandard", "gpt-4o-mini"));
        awaitState(token, "dev", "Succeeded");
        awaitState(token, "prod", "Succeeded");

        admin("POST", "/azure/clock", "{\"advance_seconds\": " + (24 * 3600) + "}");
        assertThat(send("GET", ACCOUNT + "/deployments/dev" + VERSION, token(), null).statusCode()).isEqualTo(404);
        assertThat(send("GET", ACCOUNT + "/deployments/prod" + VERSION, token(), null).statusCode()).isEqualTo(200);
        assertThat(chatOnDeployment("prod").statusCode()).isEqualTo(200);

        admin("POST", "/azure/clock", "{\"advance_seconds\": " + (14 * 24 * 3600) + "}");
        assertThat(send("GET", ACCOUNT + "/deployments/prod" + VERSION, token(), null).statusCode()).as("used 14 days ago").isEqualTo(200);
        admin("POST", "/azure/clock", "{\"advance_seconds\": " + (24 * 3600) + "}");
        assertThat(send("GET", ACCOUNT + "/deployments/prod" + VERSION, token(), null).statusCode()).as("idle 15 days").isEqualTo(404);
        JsonNode removals = JSON.readTree(admin("GET", "/azure", null)).path("removals");
        assertThat(removals.findValuesAsText("reason")).hasSize(2);
        assertThat(removals.get(0).path("reason").asText()).contains("developer tier lifetime");
        assertThat(removals.get(1).path("reason").asText()).contains("no calls for");
    }
}
