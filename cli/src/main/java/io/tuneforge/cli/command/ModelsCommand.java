package io.tuneforge.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.cli.ExitCodes;
import io.tuneforge.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import java.util.Map;

@Command(mixinStandardHelpOptions = true, name = "models", description = "The model registry in training-service: named models, their versions and stages.",
        subcommands = {ModelsCommand.ListModels.class, ModelsCommand.Show.class, ModelsCommand.Stage.class})
public final class ModelsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    static Table versions(Iterable<JsonNode> versions) {
        Table table = Table.of("version", "stage", "fine-tuned model", "base model", "job", "trained tokens", "final train loss",
                "final valid loss", "created").numeric(0, 5);
        for (JsonNode v : versions) {
            table.row(v.path("version").asInt(), v.path("stage").asText(), v.path("fine_tuned_model").asText(),
                    v.path("base_model").asText(), v.path("job_id").asText(), JobsCommand.text(v, "trained_tokens"),
                    loss(v.path("final_train_loss")), loss(v.path("final_valid_loss")), v.path("created_at").asText());
        }
        return table;
    }

    private static String loss(JsonNode value) {
        return value.isNumber() ? String.format("%.3f", value.asDouble()) : null;
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "Registered models with their latest version and what is in production.")
    static final class ListModels extends ApiCommand {

        @picocli.CommandLine.Mixin
        PageOptions paging;

        @Override
        public Integer call() {
            JsonNode page = client(JobsCommand.SERVICE).get("/api/v1/models" + query("limit", paging.limit, "after", paging.after));
            JsonNode data = page.has("data") ? page.path("data") : page;
            Table table = Table.of("name", "versions", "latest", "production", "created").numeric(1, 2);
            for (JsonNode m : data) {
                JsonNode versions = m.path("versions");
                String production = null;
                for (JsonNode v : versions) {
                    if ("production".equals(v.path("stage").asText())) {
                        production = "v" + v.path("version").asInt() + " " + v.path("fine_tuned_model").asText();
                    }
                }
                table.row(m.path("name").asText(), versions.size(),
                        versions.isEmpty() ? null : versions.get(versions.size() - 1).path("version").asInt(), production,
                        m.path("created_at").asText());
            }
            int code = print(page, table, "No models yet: a succeeded job registers one (`tuneforge jobs create --model-name ...`)");
            morePages(page, "models list");
            return code;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "show", description = "A model's versions: stage, lineage (job, base model), losses, evaluations.")
    static final class Show extends ApiCommand {

        @Parameters(index = "0", paramLabel = "NAME") String name;

        @Override
        public Integer call() {
            JsonNode model = client(JobsCommand.SERVICE).get("/api/v1/models/" + segment(name));
            if (jsonPrinted(model)) {
                return ExitCodes.OK;
            }
            out().printf("model %s (%s), created %s%n", model.path("name").asText(), model.path("id").asText(),
                    model.path("created_at").asText());
            out().print(versions(model.path("versions")).render());
            for (JsonNode v : model.path("versions")) {
                for (JsonNode e : v.path("evaluations")) {
                    out().printf("v%d evaluation %s: %s%n", v.path("version").asInt(), e.path("eval_id").asText(),
                            e.path("decision").asText());
                }
            }
            return ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "stage", description = {"Move a version to a stage: candidate, staging, production, archived.",
            "Promoting to production archives the version that was there."})
    static final class Stage extends ApiCommand {

        @Parameters(index = "0", paramLabel = "NAME") String name;
        @Parameters(index = "1", paramLabel = "VERSION") int version;
        @Parameters(index = "2", paramLabel = "STAGE") String stage;

        @Override
        public Integer call() {
            JsonNode v = client(JobsCommand.SERVICE).patchJson("/api/v1/models/" + segment(name) + "/versions/" + version,
                    Map.of("stage", stage));
            return print(v, versions(java.util.List.of(v)), null);
        }
    }
}
