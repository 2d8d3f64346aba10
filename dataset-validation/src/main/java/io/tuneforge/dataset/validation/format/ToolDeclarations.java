package io.tuneforge.dataset.validation.format;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.dataset.validation.report.FindingCode;
import java.util.HashSet;
import java.util.Set;

/**
 * The functions an example declares (top-level "tools", or legacy "functions"), so tool calls can be checked
 * against them. {@link #declared()} is false when the example declares none.
 */
final class ToolDeclarations {

    private final Set<String> names = new HashSet<>();
    private boolean declared;
    private int tokens;

    static ToolDeclarations read(JsonNode example, String base, LineContext ctx) {
        ToolDeclarations d = new ToolDeclarations();
        JsonNode tools = example.get("tools");
        if (tools != null && !tools.isNull()) {
            d.declared = true;
            String path = base + "tools";
            if (!tools.isArray()) {
                ctx.report(FindingCode.INVALID_TOOLS, path, "tools is " + JsonTypes.describe(tools) + ", not an array");
            } else {
                for (int i = 0; i < tools.size(); i++) {
                    JsonNode t = tools.get(i);
                    JsonNode fn = t.get("function");
                    JsonNode name = fn == null ? null : fn.get("name");
                    if (!t.isObject() || !"function".equals(t.path("type").asText(null)) || name == null || !name.isTextual()) {
                        ctx.report(FindingCode.INVALID_TOOLS, path + "[" + i + "]",
                                "tool must be {\"type\": \"function\", \"function\": {\"name\": ...}}");
                        continue;
                    }
                    d.names.add(name.textValue());
                }
                // Tool definitions are rendered into the prompt: count their JSON text once per example.
                d.tokens = ctx.countTokens(tools.toString());
            }
        }
        JsonNode functions = example.get("functions");
        if (functions != null && functions.isArray()) {
            d.declared = true;
            for (JsonNode f : functions) {
                JsonNode name = f.get("name");
                if (name != null && name.isTextual()) {
                    d.names.add(name.textValue());
                }
            }
            d.tokens += ctx.countTokens(functions.toString());
        }
        return d;
    }

    boolean declared() {
        return declared;
    }

    boolean contains(String name) {
        return names.contains(name);
    }

    int tokens() {
        return tokens;
    }
}
