package io.tuneforge.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** In Azure mode a data-plane call must name a deployment; a model name alone is DeploymentNotFound, as on Azure. */
@QuarkusTest
@TestProfile(AzureModeTest.AzureMode.class)
class AzureModeTest {

    public static class AzureMode implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tuneforge.simulator.azure.mode", "azure");
        }
    }

    @Test
    void aCallNamingAModelWithoutADeploymentIsDeploymentNotFound() throws Exception {
        SimulatorHarness.reset();
        var chat = AzureManagementTest.chatOnDeployment("gpt-4o-mini");
        assertThat(chat.statusCode()).isEqualTo(404);
        assertThat(AzureManagementTest.json(chat).path("error").path("code").asText()).isEqualTo("DeploymentNotFound");

        String token = AzureManagementTest.token();
        AzureManagementTest.send("PUT", AzureManagementTest.ACCOUNT + "/deployments/gpt-4o-mini" + AzureManagementTest.VERSION, token,
                AzureManagementTest.deploymentBody("Standard", "gpt-4o-mini"));
        AzureManagementTest.awaitState(token, "gpt-4o-mini", "Succeeded");
        assertThat(AzureManagementTest.chatOnDeployment("gpt-4o-mini").statusCode()).isEqualTo(200);
    }
}
