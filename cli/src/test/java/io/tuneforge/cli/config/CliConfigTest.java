package io.tuneforge.cli.config;

import io.tuneforge.cli.api.Endpoint;
import io.tuneforge.cli.api.EndpointResolver;
import io.tuneforge.cli.stack.ServiceCatalog;
import io.tuneforge.cli.stack.StackLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CliConfigTest {

    @TempDir
    Path dir;

    @Test
    void theConfigFileGivesKeyAndUrlsBetweenEnvironmentAndLocalStack() throws Exception {
        Path file = dir.resolve("config.yaml");
        Files.writeString(file, """
                api_key: tf-from-config
                urls:
                  training: https://training.example.com/
                  cost-service: https://cost.example.com
                """);
        CliConfig config = CliConfig.load(null, Map.of(CliConfig.CONFIG_VARIABLE, file.toString()));
        StackLayout layout = StackLayout.of(dir, dir.resolve("state"));

        EndpointResolver fromConfig = new EndpointResolver(layout, Map.of(), config);
        Endpoint training = fromConfig.resolve(ServiceCatalog.service("training-service").orElseThrow(), null, null);
        assertThat(training.baseUrl()).isEqualTo("https://training.example.com");
        assertThat(training.apiKey()).isEqualTo("tf-from-config");
        assertThat(training.source()).isEqualTo(file.toString());
        // A service the file does not name falls through to the local stack's default port.
        assertThat(fromConfig.resolve(ServiceCatalog.service("eval-service").orElseThrow(), null, null).baseUrl())
                .startsWith("http://127.0.0.1:");

        // The environment wins over the file; a flag wins over both.
        EndpointResolver withEnvironment = new EndpointResolver(layout,
                Map.of("TUNEFORGE_API_KEY", "tf-from-env", "TUNEFORGE_COST_URL", "http://cost.internal:8084"), config);
        Endpoint cost = withEnvironment.resolve(ServiceCatalog.service("cost-service").orElseThrow(), null, null);
        assertThat(cost.baseUrl()).isEqualTo("http://cost.internal:8084");
        assertThat(cost.apiKey()).isEqualTo("tf-from-env");
        assertThat(withEnvironment.resolve(ServiceCatalog.service("cost-service").orElseThrow(), "http://flag:1", "tf-flag"))
                .extracting(Endpoint::baseUrl, Endpoint::apiKey).containsExactly("http://flag:1", "tf-flag");
    }

    @Test
    void aMissingDefaultFileIsNoConfigButANamedOneMustExist() {
        assertThat(CliConfig.load(null, Map.of("XDG_CONFIG_HOME", dir.toString()))).isEqualTo(CliConfig.NONE);
        assertThatThrownBy(() -> CliConfig.load(dir.resolve("nope.yaml"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope.yaml").hasMessageContaining("does not exist");
    }

    @Test
    void aTypoInAKeyIsRefusedNamingTheKeyAndTheKeysThatExist() throws Exception {
        Path file = dir.resolve("typo.yaml");
        Files.writeString(file, "urls:\n  training: http://x\napi-key: tf-oops\n");
        assertThatThrownBy(() -> CliConfig.load(file, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("typo.yaml").hasMessageContaining("unknown key 'api-key'")
                .hasMessageContaining("expected keys: api_key, urls");
    }
}
