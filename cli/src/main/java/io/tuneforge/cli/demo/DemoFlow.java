package io.tuneforge.cli.demo;

import com.fasterxml.jackson.databind.JsonNode;
import io.tuneforge.cli.api.Endpoint;
import io.tuneforge.cli.api.EndpointResolver;
import io.tuneforge.cli.api.ServiceClient;
import io.tuneforge.cli.output.DatasetTables;
import io.tuneforge.cli.output.Table;
import io.tuneforge.cli.stack.ProviderChoice;
import io.tuneforge.cli.stack.ComponentState;
import io.tuneforge.cli.stack.ComponentStatus;
import io.tuneforge.cli.stack.LocalApiKey;
import io.tuneforge.cli.stack.ServiceCatalog;
import io.tuneforge.cli.stack.ServiceDefinition;
import io.tuneforge.cli.stack.StackLayout;
import io.tuneforge.cli.stack.StackStarter;
import io.tuneforge.cli.stack.StackState;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * `tuneforge demo`: the whole checklist in ten phases on the local stack, each against the real
 * services: the stack comes up; a seeded sample is generated; a dataset is created and a clean version
 * validated and split; a version with planted defects is rejected at its lines; the downstream services
 * show what they took from dataset.validated (the cost estimate and the recommended base model); a
 * fine-tune runs on the chosen provider (the simulator by default) and is registered and booked; eval-service
 * compares base and fine-tuned model on the held-out split; the gateway rolls the model out behind an
 * alias 10% -> 50% -> 100%; corrected answers become DPO pairs and a new dataset version. Every number
 * printed comes from the services' answers. The phases live in their own classes ({@link TrainingPhase},
 * {@link EvaluationPhase}, {@link RolloutPhase}, {@link FeedbackPhase}); this class orders them.
 */
public final class DemoFlow {

    private static final Duration DOWNSTREAM_TIMEOUT = Duration.ofSeconds(90);
    private static final int PHASES = 10;

    private final StackLayout layout;
    private final PrintWriter out;
    private final Duration stackTimeout;

    public DemoFlow(StackLayout layout, PrintWriter out, Duration stackTimeout) {
        this.layout = layout;
        this.out = out;
        this.stackTimeout = stackTimeout;
    }

    /** @return true when every phase did what it should */
    public boolean run() {
        long start = System.nanoTime();
        out.println("tuneforge demo: a support-ticket classifier, from raw data to a registered fine-tuned model and its cost");

        phase(1, "Local stack");
        StackState stack = new StackStarter(layout, out).ensureUp(stackTimeout);
        String key = LocalApiKey.read(layout.apiKeyFile()).orElseThrow();
        ServiceClient datasets = client(stack, "dataset-service", key);

        phase(2, "Sample data (generated here, fixed seed)");
        SupportTicketSample sample = new SupportTicketSample();
        SampleUpload clean = sample.clean();
        SampleUpload defective = sample.withDefects();
        out.printf("  %d chat examples, %d per category: %s%n", clean.lines().size(), SupportTicketSample.PER_CATEGORY,
                String.join(", ", clean.countsByCategory().keySet()));
        out.printf("  a second upload with %d planted defects: %s%n", defective.defects().size(),
                defective.defects().stream().map(d -> "line " + d.line() + " " + d.description())
                        .collect(Collectors.joining("; ")));

        phase(3, "Create a dataset (dataset-service " + datasets.endpoint().baseUrl() + ")");
        String name = "support-tickets-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        JsonNode dataset = datasets.postJson("/api/v1/datasets", Map.of("name", name, "method", "supervised"));
        String datasetId = dataset.path("id").asText();
        out.printf("  %s  \"%s\"  method %s%n", datasetId, name, dataset.path("method").asText());

        phase(4, "Upload version 1: the clean sample");
        JsonNode v1 = datasets.postJsonl("/api/v1/datasets/" + datasetId + "/versions", clean.jsonl());
        printVerdict(v1);
        boolean ok = "validated".equals(v1.path("status").asText());
        if (ok) {
            int version = v1.path("version").asInt();
            Table splits = Table.of("split", "examples").numeric(1);
            for (String split : List.of("train", "validation", "test")) {
                splits.row(split, datasets.countLines("/api/v1/datasets/" + datasetId + "/versions/" + version + "/splits/" + split));
            }
            out.println("  deterministic split (hash of each prompt, so a re-upload keeps every example in its split):");
            indent(splits.render());
        }

        phase(5, "Upload version 2: the same sample with the planted defects");
        JsonNode v2 = datasets.postJsonl("/api/v1/datasets/" + datasetId + "/versions", defective.jsonl());
        printVerdict(v2);
        ok &= "rejected".equals(v2.path("status").asText()) && reportFindings(v2, defective.defects());

        phase(6, "Downstream: training-service and cost-service consume dataset.validated from Kafka");
        if (ok) {
            ok &= trainingData(stack, key, datasetId);
            ok &= costEstimate(stack, key, datasetId);
        } else {
            out.println("  skipped: version 1 was not validated, so no dataset.validated event was sent");
        }

        Optional<String> simulatorUrl = stack.component("openai-simulator").filter(c -> c.state() == ComponentState.UP)
                .map(ComponentStatus::url);
        Optional<ProviderChoice> provider = ProviderChoice.choose(System.getenv(),
                "demo-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")), simulatorUrl);
        phase(7, "Fine-tune on " + provider.map(ProviderChoice::description).orElse("a provider")
                + " (training-service), register the model, book the cost");
        Optional<ServiceClient> training = runningClient(stack, "training-service", key);
        if (!ok) {
            out.println("  skipped: the data phases did not complete");
        } else if (provider.isEmpty()) {
            out.println("  skipped: no simulator in this stack and no provider key (OPENAI_API_KEY, or AZURE_OPENAI_API_KEY "
                    + "with AZURE_OPENAI_ENDPOINT)");
            ok = false;
        } else if (training.isPresent()) {
            Optional<ServiceClient> cost = stack.component("cost-service").filter(c -> c.state() == ComponentState.UP)
                    .map(c -> client(stack, "cost-service", key));
            TrainingPhase trainingPhase = new TrainingPhase(out);
            ok &= trainingPhase.run(training.get(), cost, provider.get(), datasetId, baseModel);

            phase(8, "Evaluate base vs fine-tuned on the held-out test split (eval-service)");
            Optional<ServiceClient> eval = runningClient(stack, "eval-service", key);
            EvaluationPhase evaluation = new EvaluationPhase(out);
            if (ok && eval.isPresent()) {
                ok &= evaluation.run(eval.get(), datasetId, baseModel, trainingPhase.fineTunedModel(), trainingPhase.accountId());
            }

            phase(9, "Roll the fine-tuned model out behind an alias, 10% -> 50% -> 100% (gateway-service)");
            Optional<ServiceClient> gateway = runningClient(stack, "gateway-service", key);
            if (!ok) {
                out.println("  skipped: the evaluation did not complete");
            } else if (!"promote".equals(evaluation.decision())) {
                out.println("  skipped: the evaluation decided '" + evaluation.decision() + "', so the model is not rolled out");
            } else if (gateway.isPresent()) {
                RolloutPhase rollout = new RolloutPhase(out);
                ok &= rollout.run(gateway.get(), baseModel, trainingPhase.fineTunedModel(), trainingPhase.accountId());

                phase(10, "Agents correct answers; the corrections become DPO pairs and a dataset version (gateway -> dataset-service)");
                if (ok) {
                    ok &= new FeedbackPhase(out).run(gateway.get(), datasets, rollout.alias(), trainingPhase.accountId(), clean.lines());
                } else {
                    out.println("  skipped: the rollout did not complete");
                }
            }
        }

        out.println();
        out.printf("%s in %.1f s.%n", ok ? "Demo complete" : "Demo finished WITH PROBLEMS (see above)",
                (System.nanoTime() - start) / 1e9);
        whereNext(stack, datasetId);
        return ok;
    }

    /** The base model phase 7 trains and phase 8 compares against: cost-service's recommendation when it gave one. */
    private String baseModel = TrainingPhase.DEFAULT_BASE_MODEL;

    private void phase(int number, String title) {
        out.println();
        out.printf("[%d/%d] %s%n", number, PHASES, title);
    }

    private void printVerdict(JsonNode version) {
        boolean validated = "validated".equals(version.path("status").asText());
        out.printf("  version %d: %s  valid examples %d  errors %d%s%n",
                version.path("version").asInt(), version.path("status").asText().toUpperCase(),
                version.path("example_count").asLong(), version.path("error_count").asLong(),
                validated ? "  billable tokens (train split, " + version.path("encoding").asText("o200k_base") + ") "
                        + version.path("billable_tokens").asLong() : "");
    }

    private boolean reportFindings(JsonNode version, List<PlantedDefect> planted) {
        indent(DatasetTables.findings(version).render());
        List<JsonNode> all = StreamSupport.stream(version.path("findings").spliterator(), false).toList();
        Set<String> found = all.stream().map(f -> f.path("line").asInt() + ":" + f.path("code").asText())
                .collect(Collectors.toSet());
        List<PlantedDefect> missed = planted.stream()
                .filter(d -> !found.contains(d.line() + ":" + d.expectedCode())).toList();
        out.printf("  planted defects found at their lines: %d of %d%s%n", planted.size() - missed.size(), planted.size(),
                missed.isEmpty() ? "" : "  MISSED: " + missed);
        return missed.isEmpty();
    }

    private boolean trainingData(StackState stack, String key, String datasetId) {
        Optional<ServiceClient> training = runningClient(stack, "training-service", key);
        if (training.isEmpty()) {
            return true;
        }
        long start = System.nanoTime();
        Optional<JsonNode> record = Await.until(DOWNSTREAM_TIMEOUT,
                () -> first(training.get().get("/api/v1/training-data?dataset_id=" + datasetId)));
        if (record.isEmpty()) {
            out.printf("  training-service: nothing recorded for %s within %d s; see %s%n", datasetId,
                    DOWNSTREAM_TIMEOUT.toSeconds(), layout.logOf("training-service"));
            return false;
        }
        JsonNode r = record.get();
        out.printf("  training-service recorded the training data (waited %.1f s):%n", seconds(start));
        out.printf("    version %d (%s), %d examples, %d billable tokens, method %s%n", r.path("version").asInt(),
                r.path("version_id").asText(), r.path("example_count").asLong(), r.path("billable_tokens").asLong(),
                r.path("method").asText());
        out.printf("    ready to train from %s%n", r.path("train_path").asText());
        out.printf("    validation from    %s%n", r.path("validation_path").asText());
        return true;
    }

    private boolean costEstimate(StackState stack, String key, String datasetId) {
        Optional<ServiceClient> cost = runningClient(stack, "cost-service", key);
        if (cost.isEmpty()) {
            return true;
        }
        long start = System.nanoTime();
        Optional<JsonNode> estimate = Await.until(DOWNSTREAM_TIMEOUT,
                () -> first(cost.get().get("/api/v1/estimates/training?dataset_id=" + datasetId)));
        if (estimate.isEmpty()) {
            out.printf("  cost-service: no estimate for %s within %d s; see %s%n", datasetId,
                    DOWNSTREAM_TIMEOUT.toSeconds(), layout.logOf("cost-service"));
            return false;
        }
        JsonNode e = estimate.get();
        out.printf("  cost-service estimated the training run (waited %.1f s):%n", seconds(start));
        out.printf("    %d train examples, %d tokens per epoch, auto epochs %d -> %d trained tokens%n",
                e.path("train_examples").asLong(), e.path("tokens_per_epoch").asLong(), e.path("auto_epochs").asInt(),
                e.path("trained_tokens").asLong());
        for (JsonNode c : e.path("candidates")) {
            out.printf("    %-14s %10s USD  (%s USD per 1M training tokens)%n", c.path("model").asText(),
                    c.path("training_cost_usd").asText("unknown"), c.path("training_per_million").asText("unknown"));
        }
        recommendAndCompare(cost.get(), e.path("trained_tokens").asLong());
        return true;
    }

    /**
     * Phase 1 of the checklist: which model to fine-tune for this job (a short-label classifier at volume)
     * and what inference costs afterwards against staying on the base model with a long few-shot prompt.
     */
    private void recommendAndCompare(ServiceClient cost, long trainedTokens) {
        JsonNode r = cost.postJson("/api/v1/catalog/recommendations",
                Map.of("use_case", "high_volume_simple", "trained_tokens", trainedTokens));
        out.printf("  recommended base model: %s - %s%n", r.path("snapshot").asText(), r.path("reason").asText());
        if (!r.path("snapshot").asText("").isBlank()) {
            baseModel = r.path("snapshot").asText();
        }
        // Fine-tuned: a short system prompt plus the ticket, one label out. Base: the same plus ~15 few-shot examples.
        JsonNode m = cost.postJson("/api/v1/estimates/inference", Map.of(
                "model", r.path("model").asText(),
                "requests_per_month", 1_000_000,
                "fine_tuned", Map.of("input_tokens", 120, "output_tokens", 3),
                "base", Map.of("input_tokens", 1_400, "output_tokens", 3),
                "trained_tokens", trainedTokens,
                "months", 12));
        out.printf("  inference at 1M tickets/month: fine-tuned %s USD/month vs base with few-shot prompt %s USD/month;"
                        + " 12-month total %s vs %s USD (break-even after %s months)%n",
                m.path("fine_tuned").path("monthly_cost_usd").asText("unknown"), m.path("base").path("monthly_cost_usd").asText("unknown"),
                m.path("total_fine_tuned_usd").asText("unknown"), m.path("total_base_usd").asText("unknown"),
                m.path("break_even_months").asText("n/a"));
    }

    private void whereNext(StackState stack, String datasetId) {
        out.println();
        out.println("Where to look next:");
        ComponentStatus dataset = stack.component("dataset-service").orElseThrow();
        out.printf("  the dataset        curl -H \"Authorization: Bearer $TUNEFORGE_API_KEY\" %s/api/v1/datasets/%s/versions%n",
                dataset.url(), datasetId);
        out.println("  the same, as CLI   ./tuneforge datasets show " + datasetId);
        out.println("  API key and URLs   eval \"$(./tuneforge env)\"");
        stack.component("console").filter(c -> c.state() == ComponentState.UP).ifPresent(c ->
                out.printf("  the web console    %s/  (paste the API key from `./tuneforge env`)%n", c.url()));
        for (ComponentStatus c : stack.components()) {
            // The console has no API of its own to document; its address is printed above.
            if ("service".equals(c.kind()) && c.state() == ComponentState.UP && !"console".equals(c.name())) {
                out.printf("  %-18s %s/q/openapi  %s/q/metrics%n", c.name(), c.url(), c.url());
            }
        }
        out.println("  what runs, where   ./tuneforge status");
        out.println("  logs               " + layout.logsDir() + "/");
        out.println("  stop it all        ./tuneforge down");
    }

    private Optional<ServiceClient> runningClient(StackState stack, String service, String key) {
        Optional<ComponentStatus> status = stack.component(service);
        if (status.isEmpty() || status.get().state() != ComponentState.UP) {
            out.printf("  %s is not running (%s): skipped%n", service,
                    status.map(ComponentStatus::note).orElse("not in this stack"));
            return Optional.empty();
        }
        return Optional.of(client(stack, service, key));
    }

    private static ServiceClient client(StackState stack, String service, String key) {
        ServiceDefinition definition = ServiceCatalog.service(service).orElseThrow();
        Endpoint endpoint = EndpointResolver.fromState(stack, definition, key);
        return new ServiceClient(endpoint);
    }

    private static Optional<JsonNode> first(JsonNode array) {
        return array.isArray() && !array.isEmpty() ? Optional.of(array.get(0)) : Optional.empty();
    }

    private void indent(String block) {
        block.lines().forEach(line -> out.println("    " + line));
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1e9;
    }
}
