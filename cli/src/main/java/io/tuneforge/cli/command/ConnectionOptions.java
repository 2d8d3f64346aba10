package io.tuneforge.cli.command;

import picocli.CommandLine.Option;

/** Where the service is, the key, and the output format: shared by every daily command. */
public final class ConnectionOptions {

    @Option(names = "--url", paramLabel = "URL",
            description = "Service base URL (default: $TUNEFORGE_<SERVICE>_URL, else the local stack's).")
    public String url;

    @Option(names = "--api-key", paramLabel = "KEY",
            description = "API key (default: $TUNEFORGE_API_KEY, else the local stack's .tuneforge/api-key).")
    public String apiKey;

    @Option(names = "--json", description = "Print the service's JSON instead of a table (for scripts).")
    public boolean json;
}
