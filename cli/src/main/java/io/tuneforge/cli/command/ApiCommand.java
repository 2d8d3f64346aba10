package io.tuneforge.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.cli.ExitCodes;
import io.tuneforge.cli.Tuneforge;
import io.tuneforge.cli.api.ServiceClient;
import io.tuneforge.cli.output.Table;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.Callable;

/**
 * A daily command that talks to one of the platform's services: connection options, the client, and
 * the two output modes (a table for people, the service's JSON with {@code --json}).
 */
abstract class ApiCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    ConnectionOptions options;

    ServiceClient client(String service) {
        return ((Tuneforge) spec.root().userObject()).client(service, options);
    }

    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Prints the JSON with {@code --json}, else the table (or {@code emptyHint} when it has no rows). */
    int print(JsonNode json, Table table, String emptyHint) {
        if (options.json) {
            out().println(json.toPrettyString());
        } else {
            out().print(table.isEmpty() && emptyHint != null ? emptyHint + "\n" : table.render());
        }
        return ExitCodes.OK;
    }

    /** With {@code --json} the JSON, else {@code human}; true when the human text should be printed. */
    boolean jsonPrinted(JsonNode json) {
        if (options.json) {
            out().println(json.toPrettyString());
            return true;
        }
        return false;
    }

    void morePages(JsonNode page, String command) {
        if (!options.json && page.path("has_more").asBoolean()) {
            out().println("more: tuneforge " + command + " --after " + page.path("next_after").asText());
        }
    }

    /** {@code ?a=1&b=x} from the non-null values, URL-encoded, in order. */
    static String query(Object... keysAndValues) {
        Map<String, Object> params = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                params.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        if (params.isEmpty()) {
            return "";
        }
        StringJoiner joined = new StringJoiner("&", "?", "");
        params.forEach((k, v) -> joined.add(k + "=" + URLEncoder.encode(String.valueOf(v), StandardCharsets.UTF_8)));
        return joined.toString();
    }

    /** A path segment, URL-encoded: ids and names come from the command line. */
    static String segment(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
