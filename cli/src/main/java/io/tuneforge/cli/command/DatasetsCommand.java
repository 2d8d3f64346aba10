package io.tuneforge.cli.command;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tuneforge.cli.ExitCodes;
import io.tuneforge.cli.Tuneforge;
import io.tuneforge.cli.api.EndpointResolver;
import io.tuneforge.cli.api.ServiceClient;
import io.tuneforge.cli.output.DatasetTables;
import io.tuneforge.cli.output.Table;
import io.tuneforge.cli.stack.ServiceCatalog;
import io.tuneforge.dataset.validation.DatasetValidator;
import io.tuneforge.dataset.validation.ValidationOptions;
import io.tuneforge.dataset.validation.report.ValidationReport;
import io.tuneforge.dataset.validation.report.Verdict;
import io.tuneforge.dataset.validation.tokens.TrainingModel;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

@Command(mixinStandardHelpOptions = true, name = "datasets", description = "Datasets in dataset-service: upload versions, list, inspect.",
        subcommands = {DatasetsCommand.Validate.class, DatasetsCommand.Push.class, DatasetsCommand.ListDatasets.class, DatasetsCommand.Show.class,
                DatasetsCommand.Delete.class, DatasetFeedbackCommand.class})
public final class DatasetsCommand implements Runnable {

    @ParentCommand
    Tuneforge root;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    ServiceClient client(ConnectionOptions options) {
        return root.client("dataset-service", options);
    }

    @Command(mixinStandardHelpOptions = true, name = "validate", description = {"Validate a JSONL file locally, before uploading it: format, tokens, quality, PII.",
            "Needs no running stack. Exit code 4 when the file would be rejected."})
    static final class Validate implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "FILE", description = "JSONL (plain or gzip), one example per line.")
        Path file;

        @Option(names = "--model", defaultValue = "gpt-4o-mini-2024-07-18",
                description = "Model the data is for; decides the tokenizer and per-example limit (default: ${DEFAULT-VALUE}).")
        String model;

        @Option(names = "--json", description = "Print the full report as JSON.")
        boolean json;

        @Override
        public Integer call() throws Exception {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read " + file.toAbsolutePath() + ": no such readable file");
            }
            ValidationReport report = new DatasetValidator(ValidationOptions.forModel(TrainingModel.named(model))).validate(file);
            PrintWriter out = spec.commandLine().getOut();
            if (json) {
                out.println(new com.fasterxml.jackson.databind.ObjectMapper()
                        .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            } else {
                out.print(report.describe());
            }
            out.flush();
            return report.verdict() == Verdict.FAILED ? ExitCodes.DATASET_REJECTED : ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "push", description = {"Upload a JSONL file as a new dataset version and print the validation verdict.",
            "Creates the dataset unless --dataset names an existing one. Exit code 4 when the version is rejected."})
    static final class Push implements Callable<Integer> {

        @ParentCommand
        DatasetsCommand datasets;

        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions options;

        @Parameters(index = "0", paramLabel = "FILE", description = "JSONL, one example per line.")
        Path file;

        @Option(names = "--name", description = "Name of the new dataset (default: the file name without extension).")
        String name;

        @Option(names = "--method", defaultValue = "supervised", description = "supervised or dpo (default: ${DEFAULT-VALUE}).")
        String method;

        @Option(names = "--dataset", paramLabel = "ID", description = "Add the version to this existing dataset.")
        String datasetId;

        @Override
        public Integer call() {
            if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
                throw new IllegalArgumentException("cannot read " + file.toAbsolutePath() + ": no such readable file");
            }
            if (!method.equals("supervised") && !method.equals("dpo")) {
                throw new IllegalArgumentException("--method must be 'supervised' or 'dpo', not '" + method + "'");
            }
            ServiceClient client = datasets.client(options);
            JsonNode dataset = null;
            String id = datasetId;
            if (id == null) {
                String fileName = file.getFileName().toString();
                String datasetName = name != null ? name : fileName.replaceFirst("\\.[^.]*$", "");
                dataset = client.postJson("/api/v1/datasets", Map.of("name", datasetName, "method", method));
                id = dataset.path("id").asText();
            }
            JsonNode version = client.postJsonlFile("/api/v1/datasets/" + id + "/versions", file);
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) {
                ObjectNode result = ServiceClient.JSON.createObjectNode();
                result.put("dataset_id", id);
                if (dataset != null) {
                    result.set("dataset", dataset);
                }
                result.set("version", version);
                out.println(result.toPrettyString());
            } else {
                out.printf("%s %s version %d: %s%n", dataset != null ? "created" : "dataset", id,
                        version.path("version").asInt(), version.path("status").asText().toUpperCase());
                out.print(DatasetTables.versionSummary(version).render());
                if (version.path("findings").size() > 0) {
                    out.println();
                    out.print(DatasetTables.findings(version).render());
                }
            }
            return "rejected".equals(version.path("status").asText()) ? ExitCodes.DATASET_REJECTED : ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "list", description = "List datasets, oldest first.")
    static final class ListDatasets implements Callable<Integer> {

        @ParentCommand
        DatasetsCommand datasets;

        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions options;

        @Mixin
        PageOptions paging;

        @Override
        public Integer call() {
            String query = ApiCommand.query("limit", paging.limit, "after", paging.after);
            JsonNode page = datasets.client(options).get("/api/v1/datasets" + query);
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) {
                out.println(page.toPrettyString());
                return ExitCodes.OK;
            }
            Table table = DatasetTables.datasets(page.path("data"));
            out.print(table.isEmpty() ? "No datasets yet: `./tuneforge datasets push <file.jsonl>`\n" : table.render());
            if (page.path("has_more").asBoolean()) {
                out.println("more: tuneforge datasets list --after " + page.path("next_after").asText());
            }
            return ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "show", description = "Show a dataset and its versions.")
    static final class Show implements Callable<Integer> {

        @ParentCommand
        DatasetsCommand datasets;

        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions options;

        @Parameters(index = "0", paramLabel = "ID", description = "Dataset id (ds_...).")
        String id;

        @Override
        public Integer call() {
            ServiceClient client = datasets.client(options);
            JsonNode dataset = client.get("/api/v1/datasets/" + id);
            JsonNode versions = client.get("/api/v1/datasets/" + id + "/versions");
            PrintWriter out = spec.commandLine().getOut();
            if (options.json) {
                ObjectNode result = ServiceClient.JSON.createObjectNode();
                result.set("dataset", dataset);
                result.set("versions", versions);
                out.println(result.toPrettyString());
                return ExitCodes.OK;
            }
            out.printf("%s  \"%s\"  method %s  created %s%n", dataset.path("id").asText(), dataset.path("name").asText(),
                    dataset.path("method").asText(), dataset.path("created_at").asText());
            out.print(versions.isEmpty() ? "No versions yet: `./tuneforge datasets push <file> --dataset " + id + "`\n"
                    : DatasetTables.versions(versions).render());
            return ExitCodes.OK;
        }
    }

    @Command(mixinStandardHelpOptions = true, name = "delete", description = {"Delete a dataset with every version, or one version "
            + "with --version.", "The content is gone for good, so it needs --yes; version numbers are never reused."})
    static final class Delete implements Callable<Integer> {

        @ParentCommand
        DatasetsCommand datasets;

        @Spec
        CommandSpec spec;

        @Mixin
        ConnectionOptions options;

        @Parameters(index = "0", paramLabel = "ID", description = "Dataset id (ds_...).")
        String id;

        @Option(names = "--version", paramLabel = "N", description = "Delete only version N; the others stay.")
        Integer version;

        @Option(names = "--yes", description = "Confirm the deletion.")
        boolean yes;

        @Override
        public Integer call() {
            String what = version == null ? "dataset " + id + " with every version" : "version " + version + " of dataset " + id;
            if (!yes) {
                throw new CommandLine.ParameterException(spec.commandLine(), "this deletes " + what
                        + " for good; add --yes to confirm");
            }
            datasets.client(options).delete("/api/v1/datasets/" + id + (version == null ? "" : "/versions/" + version));
            spec.commandLine().getOut().println("deleted " + what);
            return ExitCodes.OK;
        }
    }
}
