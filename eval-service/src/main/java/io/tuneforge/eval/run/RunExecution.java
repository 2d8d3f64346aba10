package io.tuneforge.eval.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tuneforge.eval.domain.EvalExample;
import io.tuneforge.eval.domain.EvalRun;
import io.tuneforge.eval.domain.EvalSample;
import io.tuneforge.eval.domain.EvalSpec;
import io.tuneforge.eval.domain.ModelRole;
import io.tuneforge.eval.domain.ModelUnderTest;
import io.tuneforge.eval.metrics.ScoredAnswer;
import io.tuneforge.eval.metrics.Scorecard;
import io.tuneforge.eval.pricing.PriceCatalog;
import io.tuneforge.eval.provider.ChatModels;
import io.tuneforge.eval.provider.ModelAnswer;
import io.tuneforge.eval.provider.PromptMessage;
import io.tuneforge.eval.provider.ProviderConnection;
import io.tuneforge.eval.provider.ProviderConnections;
import io.tuneforge.eval.provider.ProviderRefused;
import io.tuneforge.eval.provider.ProviderThrottled;
import io.tuneforge.eval.provider.ProviderUnavailable;
import io.tuneforge.eval.report.ReportAssembly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Executes one claimed run: copies its examples once, asks every model for every example that has no
 * sample yet (in waves whose size adapts to rate limits), then scores, gates and completes it.
 */
@ApplicationScoped
public class RunExecution {

    private static final Logger LOG = Logger.getLogger(RunExecution.class);

    @Inject
    RunLedger ledger;

    @Inject
    TestSplitReader reader;

    @Inject
    ChatModels models;

    @Inject
    ProviderConnections connections;

    @Inject
    PriceCatalog prices;

    @Inject
    ObjectMapper json;

    /** A sample failing transiently this often in one execution is recorded as an error rather than retried forever. */
    @ConfigProperty(name = "tuneforge.eval.max-transient-failures", defaultValue = "5")
    int maxTransientFailures;

    public void execute(String runId) {
        EvalRun run = ledger.run(runId);
        EvalSpec spec = ledger.spec(run);
        try {
            ledger.copyExamples(run, spec, reader);
        } catch (TestSetUnreadable e) {
            ledger.fail(runId, "test_set", e.getMessage());
            return;
        }
        List<EvalExample> examples = QuarkusTransaction.requiringNew().call(() -> EvalExample.ofRun(runId));
        ProviderConnection connection = connections.forTenant(run.tenantId);
        for (ModelUnderTest model : spec.models()) {
            try {
                answerAll(run, model, examples, connection, spec.maxConcurrency());
            } catch (ProviderRefused e) {
                ledger.fail(runId, "provider", model.role().wire() + " model '" + model.model() + "': " + e.getMessage());
                return;
            }
        }
        complete(run, spec, examples);
    }

    private void answerAll(EvalRun run, ModelUnderTest model, List<EvalExample> examples, ProviderConnection connection,
                           int maxConcurrency) {
        Set<Integer> done = new HashSet<>();
        QuarkusTransaction.requiringNew().run(() ->
                EvalSample.ofRole(run.id, model.role().wire()).forEach(s -> done.add(s.idx)));
        List<EvalExample> pending = new ArrayList<>(examples.stream().filter(e -> !done.contains(e.idx)).toList());
        if (pending.isEmpty()) {
            return;
        }
        AdaptiveConcurrency concurrency = new AdaptiveConcurrency(maxConcurrency);
        Map<Integer, Integer> transientFailures = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, maxConcurrency));
        try {
            while (!pending.isEmpty()) {
                sleep(concurrency.backoff());
                List<EvalExample> wave = new ArrayList<>(pending.subList(0, Math.min(concurrency.current(), pending.size())));
                List<Future<Outcome>> futures = wave.stream().map(e -> pool.submit(() -> call(run, model, e, connection))).toList();
                Duration throttledFor = null;
                for (int i = 0; i < wave.size(); i++) {
                    EvalExample example = wave.get(i);
                    Outcome outcome = await(futures.get(i));
                    switch (outcome.kind()) {
                        case DONE -> pending.remove(example);
                        case THROTTLED -> throttledFor = longer(throttledFor, outcome.retryAfter());
                        case UNAVAILABLE -> {
                            if (transientFailures.merge(example.idx, 1, Integer::sum) >= maxTransientFailures) {
                                ledger.recordRefusal(run.id, model.role(), model.model(), example.idx,
                                        "provider unavailable after " + maxTransientFailures + " attempts: " + outcome.message());
                                pending.remove(example);
                            }
                        }
                        case MODEL_MISSING -> throw new ProviderRefused(404, outcome.message());
                    }
                }
                if (throttledFor != null) {
                    concurrency.throttled(throttledFor);
                    LOG.infof("eval run %s rate limited on %s: %d calls at once, waiting %d ms", run.id, model.model(),
                            concurrency.current(), throttledFor.toMillis());
                } else {
                    concurrency.clean();
                }
                ledger.renewLease(run.id);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome call(EvalRun run, ModelUnderTest model, EvalExample example, ProviderConnection connection) {
        try {
            ModelAnswer answer = models.answer(connection, model.model(), prompt(example));
            ledger.recordAnswer(run.id, model.role(), model.model(), example.idx, answer);
            return Outcome.done();
        } catch (ProviderThrottled e) {
            return new Outcome(Outcome.Kind.THROTTLED, e.retryAfter(), e.getMessage());
        } catch (ProviderUnavailable e) {
            return new Outcome(Outcome.Kind.UNAVAILABLE, null, e.getMessage());
        } catch (ProviderRefused e) {
            if (e.modelMissing()) {
                return new Outcome(Outcome.Kind.MODEL_MISSING, null, e.getMessage());
            }
            // This example alone is refused (e.g. too long): it counts as a failed answer, the run goes on.
            ledger.recordRefusal(run.id, model.role(), model.model(), example.idx, e.getMessage());
            return Outcome.done();
        }
    }

    private void complete(EvalRun run, EvalSpec spec, List<EvalExample> examples) {
        Map<Integer, EvalExample> byIdx = new HashMap<>();
        examples.forEach(e -> byIdx.put(e.idx, e));
        Map<ModelRole, List<ScoredAnswer>> answers = new EnumMap<>(ModelRole.class);
        QuarkusTransaction.requiringNew().run(() -> {
            for (ModelUnderTest model : spec.models()) {
                answers.put(model.role(), EvalSample.ofRole(run.id, model.role().wire()).stream().map(s -> {
                    EvalExample e = byIdx.get(s.idx);
                    return new ScoredAnswer(s.idx, e.reference, e.category, s.output, s.error, s.latencyMs,
                            s.promptTokens == null ? 0 : s.promptTokens, s.completionTokens == null ? 0 : s.completionTokens);
                }).toList());
            }
        });
        Map<String, Optional<Scorecard.TokenPrices>> known = new HashMap<>();
        ReportAssembly.Assembled assembled = ReportAssembly.assemble(run.id, run.datasetId, run.versionId, spec, answers,
                model -> known.computeIfAbsent(model, m -> prices.pricesOf(run.tenantId, m)), Optional.empty(),
                idx -> lastUserMessage(byIdx.get(idx)));
        ledger.complete(run.id, assembled);
    }

    List<PromptMessage> prompt(EvalExample example) {
        try {
            return json.readValue(example.prompt, new TypeReference<List<PromptMessage>>() { });
        } catch (IOException e) {
            throw new IllegalStateException("example " + example.idx + " of run " + example.runId + " has an unreadable prompt", e);
        }
    }

    private String lastUserMessage(EvalExample example) {
        List<PromptMessage> prompt = prompt(example);
        for (int i = prompt.size() - 1; i >= 0; i--) {
            if (prompt.get(i).role().equals("user")) {
                return prompt.get(i).content();
            }
        }
        return prompt.isEmpty() ? "" : prompt.get(prompt.size() - 1).content();
    }

    private static Outcome await(Future<Outcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private static Duration longer(Duration a, Duration b) {
        return a == null || b.compareTo(a) > 0 ? b : a;
    }

    private static void sleep(Duration duration) {
        if (duration.isZero()) {
            return;
        }
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    record Outcome(Kind kind, Duration retryAfter, String message) {
        enum Kind { DONE, THROTTLED, UNAVAILABLE, MODEL_MISSING }

        static Outcome done() {
            return new Outcome(Kind.DONE, null, null);
        }
    }
}
