package io.tuneforge.cli.stack;

import io.tuneforge.localinfra.PostgresServer;

import java.util.ArrayList;
import java.util.List;

/**
 * `tuneforge env`: the stack's endpoints and key as POSIX shell export lines, quoted so that
 * `eval "$(./tuneforge env)"` is safe whatever the values contain.
 */
public final class ShellExports {

    private ShellExports() {
    }

    public static List<String> lines(StackState state, String apiKey) {
        List<String> lines = new ArrayList<>();
        lines.add(export("TUNEFORGE_API_KEY", apiKey));
        for (ServiceDefinition service : ServiceCatalog.SERVICES) {
            String url = state.component(service.name()).map(ComponentStatus::url)
                    .orElse("http://127.0.0.1:" + service.port());
            lines.add(export(service.urlVariable(), url));
        }
        lines.add(export("TUNEFORGE_KAFKA_BOOTSTRAP", state.kafkaBootstrap()));
        lines.add(export("TUNEFORGE_DB_URL", state.dbUrl()));
        lines.add(export("TUNEFORGE_DB_USER", PostgresServer.USERNAME));
        lines.add(export("TUNEFORGE_DB_PASSWORD", PostgresServer.PASSWORD));
        if (state.openaiBaseUrl() != null) {
            lines.add(export("OPENAI_BASE_URL", state.openaiBaseUrl()));
        }
        for (ComponentStatus c : state.components()) {
            if (c.state() == ComponentState.SKIPPED && c.note() != null) {
                lines.add("# " + c.name() + " is not running: " + c.note());
            }
        }
        return lines;
    }

    static String export(String name, String value) {
        return "export " + name + "=" + quote(value == null ? "" : value);
    }

    /** Single quotes take everything literally; a quote inside becomes '\'' . */
    static String quote(String value) {
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
