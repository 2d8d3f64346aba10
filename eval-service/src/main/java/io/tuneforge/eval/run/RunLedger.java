package io.tuneforge.eval.run;

import io.tuneforge.platform.json.JsonColumns;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tuneforge.eval.domain.EvalExample;
import io.tuneforge.eval.domain.EvalRun;
import io.tuneforge.eval.domain.EvalSample;
import io.tuneforge.eval.domain.EvalSpec;
import io.tuneforge.eval.domain.ModelRole;
import io.tuneforge.eval.domain.TaskKind;
import io.tuneforge.eval.domain.EvalJudgement;
import io.tuneforge.eval.report.EvalReport;
import io.tuneforge.eval.metrics.AnswerNormalizer;
import io.tuneforge.eval.metrics.Scorecard;
import io.tuneforge.eval.provider.ModelAnswer;
import io.tuneforge.eval.report.ReportAssembly;
import io.tuneforge.events.eval.EvalCompleted;
import io.tuneforge.events.eval.JudgeUsage;
import io.tuneforge.events.eval.ModelSummary;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a run records on its way, each in its own transaction: its examples (copied once), one sample, one
 * judgement, the pacing counters. Its state is {@link RunLifecycle}'s alone.
 */
@ApplicationScoped
public class RunLedger {

    @Inject
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    JsonColumns columns;

    public EvalRun run(String runId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            EvalRun run = EvalRun.findById(runId);
            em.detach(run);
            return run;
        });
    }

    public EvalSpec spec(EvalRun run) {
        try {
            return json.readValue(run.spec, EvalSpec.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("run " + run.id + " has an unreadable spec", e);
        }
    }

    /** Copies the test split into the run once, so that a resumed run evaluates the very same examples. */
    public int copyExamples(EvalRun run, EvalSpec spec, TestSplitReader reader) {
        return QuarkusTransaction.requiringNew().timeout(600).call(() -> {
            EvalRun stored = EvalRun.findById(run.id);
            if (stored.examples != null) {
                return stored.examples;
            }
            AtomicInteger idx = new AtomicInteger();
            reader.read(run.tenantId, run.testPath, example -> {
                EvalExample row = new EvalExample();
                row.runId = run.id;
                row.idx = idx.getAndIncrement();
                row.prompt = columns.write(example.prompt());
                row.reference = example.reference();
                row.rejected = example.rejected();
                // Classification slices by the reference label; other tasks by the example's own metadata, if any.
                row.category = spec.task().kind() == TaskKind.CLASSIFICATION
                        ? AnswerNormalizer.normalize(example.reference()) : example.metadataCategory();
                row.persist();
                if (row.idx % 200 == 199) {
                    em.flush();
                    em.clear();
                }
            });
            if (idx.get() == 0) {
                throw new TestSetUnreadable("the test split " + run.testPath + " has no examples");
            }
            EvalRun.update("examples = ?1 where id = ?2", idx.get(), run.id);
            return idx.get();
        });
    }

    public void recordAnswer(String runId, ModelRole role, String model, int idx, ModelAnswer answer) {
        record(runId, role, model, idx, answer.text(), answer.latencyMs(), answer.promptTokens(), answer.completionTokens(), null);
    }

    /** The first error when every example asked of {@code role}'s model failed; empty when any was answered (or none asked). */
    public Optional<String> everyCallFailed(String runId, ModelRole role) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<EvalSample> samples = EvalSample.ofRole(runId, role.wire());
            if (samples.isEmpty() || samples.stream().anyMatch(s -> s.error == null)) {
                return Optional.<String>empty();
            }
            return Optional.of(samples.stream().min(Comparator.comparingInt(s -> s.idx)).orElseThrow().error);
        });
    }

    public void recordRefusal(String runId, ModelRole role, String model, int idx, String error) {
        record(runId, role, model, idx, null, null, null, null, error);
    }

    public void recordJudgement(String runId, String kind, String subject, int idx, String judgeModel, ModelAnswer answer,
                                Integer score, String choice) {
        QuarkusTransaction.requiringNew().run(() -> {
            EvalJudgement judgement = judgement(runId, kind, subject, idx, judgeModel);
            judgement.reply = answer.text();
            judgement.score = score;
            judgement.choice = choice;
            judgement.promptTokens = answer.promptTokens();
            judgement.completionTokens = answer.completionTokens();
            judgement.persist();
        });
    }

    public void recordJudgementRefusal(String runId, String kind, String subject, int idx, String judgeModel, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            EvalJudgement judgement = judgement(runId, kind, subject, idx, judgeModel);
            judgement.error = error;
            judgement.persist();
        });
    }

    private EvalJudgement judgement(String runId, String kind, String subject, int idx, String judgeModel) {
        EvalJudgement judgement = new EvalJudgement();
        judgement.runId = runId;
        judgement.kind = kind;
        judgement.subject = subject;
        judgement.idx = idx;
        judgement.judgeModel = judgeModel;
        judgement.finishedAt = clock.instant();
        return judgement;
    }

    /** The run held back a wave because the rate-limit headers said the budget was (nearly) used up. */
    public void countPaced(String runId) {
        QuarkusTransaction.requiringNew().run(() -> EvalRun.update("pacedWaits = pacedWaits + 1 where id = ?1", runId));
    }

    public void countThrottled(String runId, int calls) {
        QuarkusTransaction.requiringNew().run(() -> EvalRun.update("throttledCalls = throttledCalls + ?1 where id = ?2", calls, runId));
    }

    private void record(String runId, ModelRole role, String model, int idx, String output, Long latency, Integer promptTokens,
                        Integer completionTokens, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            EvalSample sample = new EvalSample();
            sample.runId = runId;
            sample.role = role.wire();
            sample.idx = idx;
            sample.model = model;
            sample.output = output;
            sample.latencyMs = latency;
            sample.promptTokens = promptTokens;
            sample.completionTokens = completionTokens;
            sample.error = error;
            sample.finishedAt = clock.instant();
            sample.persist();
        });
    }

    /** eval.completed for a run's report (on completion, and again when human review changes the decision). */
    public static EvalCompleted completedEvent(EvalRun run, EvalReport report) {
        String production = report.models().stream().filter(c -> c.role().equals(ModelRole.PRODUCTION.wire()))
                .map(Scorecard::model).findFirst().orElse(null);
        String baseline = report.models().stream().filter(c -> c.role().equals(ModelRole.BASELINE.wire()))
                .map(Scorecard::model).findFirst().orElse(null);
        List<ModelSummary> models = report.models().stream().map(c -> new ModelSummary(c.role(), c.model(),
                c.examples(), c.errors(), c.exactMatch(), c.classification() == null ? null : c.classification().accuracy(),
                c.formatCompliance(), c.rougeL(), c.latency().p95Ms(), c.promptTokens(), c.completionTokens(),
                c.costPer1kCallsUsd() == null ? null
                        : BigDecimal.valueOf(c.costPer1kCallsUsd()).setScale(6, RoundingMode.HALF_UP).toPlainString())).toList();
        List<JudgeUsage> judges = report.judge() == null ? List.of() : List.of(report.judge().usage());
        return new EvalCompleted(run.id, run.datasetId, run.versionId, report.fineTunedModel(), baseline, production,
                report.decision(), report.gates(), models, run.jobId, run.pipelineId, judges);
    }

}
