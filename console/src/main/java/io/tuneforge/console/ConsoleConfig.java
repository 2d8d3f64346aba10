package io.tuneforge.console;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/** Where the services are. The console only forwards to these base URLs; an unset one shows as "not connected". */
@ConfigMapping(prefix = "tuneforge.console")
public interface ConsoleConfig {

    /** Base URL per service name ({@code dataset}, {@code training}, {@code eval}, {@code cost}, {@code gateway}). */
    Map<String, Optional<String>> services();

    /** How long one forwarded call may take before the console answers 504. */
    @WithDefault("60s")
    Duration requestTimeout();

    @WithDefault("5s")
    Duration connectTimeout();
}
