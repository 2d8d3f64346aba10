package io.tuneforge.eval.run;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tuneforge.eval.domain.EvalExample;
import io.tuneforge.eval.domain.EvalJudgement;
import io.tuneforge.eval.domain.EvalRun;
import io.tuneforge.eval.domain.EvalSample;
import io.tuneforge.eval.domain.EvalSpec;
import io.tuneforge.eval.domain.JudgeSpec;
import io.tuneforge.eval.domain.ModelRole;
import io.tuneforge.eval.domain.ModelUnderTest;
import io.tuneforge.eval.judge.JudgeReport;
import io.tuneforge.eval.judge.JudgeVerdicts;
import io.tuneforge.eval.judge.ModelJudge;
import io.tuneforge.eval.metrics.ScoredAnswer;
import io.tuneforge.eval.metrics.Scorecard;
import io.tuneforge.eval.pricing.PriceCatalog;
import io.tuneforge.eval.provider.ChatModels;
import io.tuneforge.eval.provider.ModelAnswer;
import io.tuneforge.eval.provider.PromptMessage;
import io.tuneforge.provider.ProviderAccountUnusable;
import io.tuneforge.provider.ProviderConnection;
import io.tuneforge.provider.ProviderConnections;
import io.tuneforge.eval.provider.ProviderRefused;
import io.tuneforge.eval.provider.ProviderThrottled;
import io.tuneforge.provider.ProviderUnavailable;
import io.tuneforge.eval.report.ReportAssembly;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.tuneforge.eval.EvalConfig;
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
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Executes one claimed run: copies its examples once, asks every model for every example that has no
 * sample yet, has the judge (if any) grade every answer that has no judgement yet, then scores, gates
 * and completes it. Calls go in waves whose size follows the provider's rate-limit headers and 429s.
 */
@ApplicationScoped
public class RunExecution {

    private static final Logger LOG = Logger.getLogger(RunExecution.class);

    @Inject
    RunLedger ledger;

    @Inject
    RunLifecycle lifecycle;

    @Inject
    EvalConfig config;

    @Inject
    TestSplitReader reader;

    @Inject
    ChatModels models;

    @Inject
    ModelJudge judge;

    @Inject
    ProviderConnections connections;

    @Inject
    PriceCatalog prices;

    @Inject
    ObjectMapper json;

    public void execute(String runId) {
        EvalRun run = ledger.run(runId);
        EvalSpec spec = ledger.spec(run);
        try {
            ledger.copyExamples(run, spec, reader);
        } catch (TestSetUnreadable e) {
            lifecycle.fail(runId, RunLifecycle.TEST_SET, e.getMessage());
            return;
        }
        ProviderConnection connection;
        try {
            connection = connections.connection(run.tenantId, run.providerAccount);
        } catch (ProviderAccountUnusable e) {
            lifecycle.fail(runId, "provider", e.getMessage());
            return;
        }
        List<EvalExample> examples = QuarkusTransaction.requiringNew().call(() -> EvalExample.ofRun(runId));
        for (ModelUnderTest model : spec.models()) {
            try {
                answerAll(run, model, examples, connection, spec.maxConcurrency());
            } catch (ProviderRefused e) {
                lifecycle.fail(runId, "provider", model.role().wire() + " model '" + model.model() + "': " + e.getMessage());
                return;
            }
            // A model that answered nothing was not evaluated: scoring its empty answers would "reject" it for a
            // quality it never got to show (a revoked key, a provider outage), so the run fails and says why.
            Optional<String> failure = ledger.everyCallFailed(runId, model.role());
            if (failure.isPresent()) {
                lifecycle.fail(runId, "provider", model.role().wire() + " model '" + model.model() + "' answered none of the "
                        + examples.size() + " examples: " + failure.get() + "; check the account's key and the provider's status, "
                        + "then start the evaluation again");
                return;
            }
        }
        if (spec.judge() != null) {
            try {
                judgeAll(run, spec, examples, connection);
            } catch (ProviderRefused e) {
                lifecycle.fail(runId, "provider", "judge model '" + spec.judge().model() + "': " + e.getMessage());
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
        List<Call> calls = examples.stream().filter(e -> !done.contains(e.idx)).map(e -> new Call(
                () -> models.answer(connection, model.model(), prompt(e)),
                answer -> ledger.recordAnswer(run.id, model.role(), model.model(), e.idx, answer),
                error -> ledger.recordRefusal(run.id, model.role(), model.model(), e.idx, error))).toList();
        inWaves(run, model.model(), calls, maxConcurrency);
    }

    /**
     * One judge call per (role, example) for scores and two per example (both orders) for the pairwise
     * comparison, each persisted on its own, so a resumed run asks only for what is missing.
     */
    private void judgeAll(EvalRun run, EvalSpec spec, List<EvalExample> examples, ProviderConnection connection) {
        JudgeSpec judgeSpec = spec.judge();
        Set<String> done = new HashSet<>();
        Map<String, String> outputs = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            EvalJudgement.ofRun(run.id).forEach(j -> done.add(j.kind + "/" + j.subject + "/" + j.idx));
            // A refused answer is judged as the empty answer it is.
            EvalSample.ofRun(run.id).forEach(s -> outputs.put(s.role + "/" + s.idx, s.output == null ? "" : s.output));
        });
        List<Call> calls = new ArrayList<>();
        for (EvalExample e : examples) {
            String question = lastUserMessage(e);
            for (ModelUnderTest model : spec.models()) {
                String role = model.role().wire();
                if (!done.contains(EvalJudgement.SCORE + "/" + role + "/" + e.idx)) {
                    calls.add(judgeCall(run, judgeSpec, EvalJudgement.SCORE, role, e.idx,
                            () -> judge.askScore(connection, judgeSpec.model(), judgeSpec.rubric(), question, e.reference,
                                    outputs.getOrDefault(role + "/" + e.idx, ""))));
                }
            }
            if (judgeSpec.pairwiseOn() && spec.model(ModelRole.CANDIDATE).isPresent() && spec.model(ModelRole.BASELINE).isPresent()) {
                String candidate = outputs.getOrDefault(ModelRole.CANDIDATE.wire() + "/" + e.idx, "");
                String baseline = outputs.getOrDefault(ModelRole.BASELINE.wire() + "/" + e.idx, "");
                if (!done.contains(EvalJudgement.PAIRWISE + "/" + EvalJudgement.CANDIDATE_FIRST + "/" + e.idx)) {
                    calls.add(judgeCall(run, judgeSpec, EvalJudgement.PAIRWISE, EvalJudgement.CANDIDATE_FIRST, e.idx,
                            () -> judge.askPairwise(connection, judgeSpec.model(), judgeSpec.rubric(), question, e.reference,
                                    candidate, baseline)));
                }
                if (!done.contains(EvalJudgement.PAIRWISE + "/" + EvalJudgement.CANDIDATE_SECOND + "/" + e.idx)) {
                    calls.add(judgeCall(run, judgeSpec, EvalJudgement.PAIRWISE, EvalJudgement.CANDIDATE_SECOND, e.idx,
                            () -> judge.askPairwise(connection, judgeSpec.model(), judgeSpec.rubric(), question, e.reference,
                                    baseline, candidate)));
                }
            }
        }
        inWaves(run, judgeSpec.model(), calls, spec.maxConcurrency());
    }

    private Call judgeCall(EvalRun run, JudgeSpec spec, String kind, String subject, int idx, Supplier<ModelAnswer> ask) {
        return new Call(ask,
                answer -> ledger.recordJudgement(run.id, kind, subject, idx, spec.model(), answer,
                        kind.equals(EvalJudgement.SCORE) ? JudgeVerdicts.score(answer.text()).orElse(null) : null,
                        kind.equals(EvalJudgement.PAIRWISE) ? JudgeVerdicts.choice(answer.text()).orElse(null) : null),
                error -> ledger.recordJudgementRefusal(run.id, kind, subject, idx, spec.model(), error));
    }

    /**
     * Makes {@code calls} against one model in waves of at most {@code maxConcurrency}: the wave shrinks
     * (or waits for the reset) when the rate-limit headers say the budget is nearly used up, halves after
     * a 429 and waits its retry-after, and grows back by one after a clean wave. A throttled call is
     * retried, never dropped; a transient failure is retried up to {@code max-transient-failures} times.
     */
    private void inWaves(EvalRun run, String model, List<Call> calls, int maxConcurrency) {
        if (calls.isEmpty()) {
            return;
        }
        List<Call> pending = new ArrayList<>(calls);
        AdaptiveConcurrency concurrency = new AdaptiveConcurrency(maxConcurrency);
        RatePacer pacer = new RatePacer();
        Map<Call, Integer> transientFailures = new HashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, maxConcurrency));
        try {
            while (!pending.isEmpty()) {
                sleep(concurrency.backoff());
                int wanted = Math.min(concurrency.current(), pending.size());
                RatePacer.Plan plan = pacer.next(wanted);
                if (plan.heldBack(wanted)) {
                    ledger.countPaced(run.id);
                    LOG.debugf("eval run %s pacing %s: %d of %d calls after %d ms (rate-limit headers)", run.id, model, plan.calls(),
                            wanted, plan.delay().toMillis());
                    sleep(plan.delay());
                }
                List<Call> wave = new ArrayList<>(pending.subList(0, Math.min(plan.calls(), wanted)));
                List<Future<Outcome>> futures = wave.stream().map(c -> pool.submit(() -> call(c))).toList();
                Duration throttledFor = null;
                int throttled = 0;
                for (int i = 0; i < wave.size(); i++) {
                    Call call = wave.get(i);
                    Outcome outcome = await(futures.get(i));
                    switch (outcome.kind()) {
                        case DONE -> {
                            pending.remove(call);
                            if (outcome.answer() != null) {
                                pacer.observe(outcome.answer());
                            }
                        }
                        case THROTTLED -> {
                            throttledFor = longer(throttledFor, outcome.retryAfter());
                            throttled++;
                        }
                        case UNAVAILABLE -> {
                            if (transientFailures.merge(call, 1, Integer::sum) >= config.maxTransientFailures()) {
                                call.refused().accept("provider unavailable after " + config.maxTransientFailures() + " attempts: " + outcome.message());
                                pending.remove(call);
                            }
                        }
                        case MODEL_MISSING -> throw new ProviderRefused(404, outcome.message());
                    }
                }
                if (throttledFor != null) {
                    concurrency.throttled(throttledFor);
                    ledger.countThrottled(run.id, throttled);
                    LOG.infof("eval run %s rate limited on %s: %d calls at once, waiting %d ms", run.id, model,
                            concurrency.current(), throttledFor.toMillis());
                } else {
                    concurrency.clean();
                }
                lifecycle.renewLease(run.id);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private Outcome call(Call call) {
        try {
            ModelAnswer answer = call.ask().get();
            call.answered().accept(answer);
            return new Outcome(Outcome.Kind.DONE, null, null, answer);
        } catch (ProviderThrottled e) {
            return new Outcome(Outcome.Kind.THROTTLED, e.retryAfter(), e.getMessage(), null);
        } catch (ProviderUnavailable e) {
            return new Outcome(Outcome.Kind.UNAVAILABLE, null, e.getMessage(), null);
        } catch (ProviderRefused e) {
            if (e.modelMissing()) {
                return new Outcome(Outcome.Kind.MODEL_MISSING, null, e.getMessage(), null);
            }
            // This call alone is refused (e.g. too long): it counts as a failed answer, the run goes on.
            call.refused().accept(e.getMessage());
            return new Outcome(Outcome.Kind.DONE, null, null, null);
        }
    }

    private void complete(EvalRun run, EvalSpec spec, List<EvalExample> examples) {
        Map<Integer, EvalExample> byIdx = new HashMap<>();
        examples.forEach(e -> byIdx.put(e.idx, e));
        Map<ModelRole, List<ScoredAnswer>> answers = new EnumMap<>(ModelRole.class);
        List<EvalJudgement> judgements = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> {
            for (ModelUnderTest model : spec.models()) {
                answers.put(model.role(), EvalSample.ofRole(run.id, model.role().wire()).stream().map(s -> {
                    EvalExample e = byIdx.get(s.idx);
                    return new ScoredAnswer(s.idx, e.reference, e.category, s.output, s.error, s.latencyMs,
                            s.promptTokens == null ? 0 : s.promptTokens, s.completionTokens == null ? 0 : s.completionTokens,
                            e.rejected);
                }).toList());
            }
            judgements.addAll(EvalJudgement.ofRun(run.id));
        });
        Optional<JudgeReport> judgeReport = spec.judgeSpec().map(j -> JudgeReport.of(j, spec.models(), judgements));
        Map<String, Optional<Scorecard.TokenPrices>> known = new HashMap<>();
        ReportAssembly.Assembled assembled = ReportAssembly.assemble(run.id, run.datasetId, run.versionId, spec, answers,
                model -> known.computeIfAbsent(model, m -> prices.pricesOf(run.tenantId, m)), Optional.empty(),
                idx -> lastUserMessage(byIdx.get(idx)), judgeReport);
        lifecycle.complete(run.id, assembled);
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

    /** One provider call of a run and where its result goes (identity, not value: two calls are never equal). */
    private static final class Call {
        private final Supplier<ModelAnswer> ask;
        private final Consumer<ModelAnswer> answered;
        private final Consumer<String> refused;

        Call(Supplier<ModelAnswer> ask, Consumer<ModelAnswer> answered, Consumer<String> refused) {
            this.ask = ask;
            this.answered = answered;
            this.refused = refused;
        }

        Supplier<ModelAnswer> ask() {
            return ask;
        }

        Consumer<ModelAnswer> answered() {
            return answered;
        }

        Consumer<String> refused() {
            return refused;
        }
    }

    record Outcome(Kind kind, Duration retryAfter, String message, ModelAnswer answer) {
        enum Kind { DONE, THROTTLED, UNAVAILABLE, MODEL_MISSING }
    }
}
