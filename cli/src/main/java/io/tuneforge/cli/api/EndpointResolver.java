package io.tuneforge.cli.api;

import io.tuneforge.cli.config.CliConfig;
import io.tuneforge.cli.stack.ComponentStatus;
import io.tuneforge.cli.stack.LocalApiKey;
import io.tuneforge.cli.stack.ServiceDefinition;
import io.tuneforge.cli.stack.StackLayout;
import io.tuneforge.cli.stack.StackState;
import io.tuneforge.cli.stack.StackStateFile;

import java.util.Map;
import java.util.Optional;

/**
 * Finds a service's URL and the API key, first match wins: command-line flag, environment
 * (TUNEFORGE_&lt;SERVICE&gt;_URL, TUNEFORGE_API_KEY), the config file ({@link CliConfig}), the local
 * stack's state folder, the default port.
 */
public final class EndpointResolver {

    public static final String API_KEY_VARIABLE = "TUNEFORGE_API_KEY";

    private final StackLayout layout;
    private final Map<String, String> environment;
    private final CliConfig config;

    public EndpointResolver(StackLayout layout, Map<String, String> environment, CliConfig config) {
        this.layout = layout;
        this.environment = environment;
        this.config = config;
    }

    public Endpoint resolve(ServiceDefinition service, String urlFlag, String keyFlag) {
        String key = firstPresent(keyFlag, environment.get(API_KEY_VARIABLE))
                .or(config::key)
                .or(() -> LocalApiKey.read(layout.apiKeyFile()))
                .orElseThrow(() -> new MissingApiKey(layout.apiKeyFile().toString()));
        if (present(urlFlag)) {
            return new Endpoint(service.name(), urlFlag, key, "--url");
        }
        String fromEnvironment = environment.get(service.urlVariable());
        if (present(fromEnvironment)) {
            return new Endpoint(service.name(), fromEnvironment, key, service.urlVariable());
        }
        Optional<String> fromConfig = config.url(service.name());
        if (fromConfig.isPresent()) {
            return new Endpoint(service.name(), fromConfig.get(), key, String.valueOf(config.source()));
        }
        Optional<String> fromState = new StackStateFile(layout.stateFile()).read()
                .flatMap(state -> state.component(service.name()))
                .map(ComponentStatus::url);
        if (fromState.isPresent()) {
            return new Endpoint(service.name(), fromState.get(), key, layout.stateFile().toString());
        }
        return new Endpoint(service.name(), "http://127.0.0.1:" + service.port(), key, "default port");
    }

    /** Used by the demo, which just brought the stack up: its state is the truth. */
    public static Endpoint fromState(StackState state, ServiceDefinition service, String key) {
        String url = state.component(service.name()).map(ComponentStatus::url)
                .orElse("http://127.0.0.1:" + service.port());
        return new Endpoint(service.name(), url, key, "stack state");
    }

    private static Optional<String> firstPresent(String first, String second) {
        if (present(first)) {
            return Optional.of(first);
        }
        return present(second) ? Optional.of(second) : Optional.empty();
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
