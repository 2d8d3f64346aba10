package io.tuneforge.events;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.tuneforge.events.budget.BudgetExceeded;
import io.tuneforge.events.budget.BudgetRestored;
import io.tuneforge.events.eval.EvaluationTask;
import io.tuneforge.events.eval.GateThresholds;
import io.tuneforge.events.eval.JudgeUsage;
import io.tuneforge.events.job.EvaluationRequest;
import io.tuneforge.events.inference.InferenceUsage;
import io.tuneforge.events.budget.BudgetWarning;
import io.tuneforge.events.cost.CandidateCost;
import io.tuneforge.events.cost.CostEstimated;
import io.tuneforge.events.dataset.DatasetRejected;
import io.tuneforge.events.dataset.DatasetValidated;
import io.tuneforge.events.dataset.FindingCount;
import io.tuneforge.events.dataset.SplitSummary;
import io.tuneforge.events.eval.EvalCompleted;
import io.tuneforge.events.eval.EvalFailed;
import io.tuneforge.events.eval.GateOutcome;
import io.tuneforge.events.eval.ModelSummary;
import io.tuneforge.events.job.JobCancelled;
import io.tuneforge.events.retraining.RetrainingRequested;
import io.tuneforge.events.job.JobFailed;
import io.tuneforge.events.job.JobProgressed;
import io.tuneforge.events.job.JobQueued;
import io.tuneforge.events.job.JobStarted;
import io.tuneforge.events.job.JobSucceeded;
import io.tuneforge.events.feedback.FeedbackExchange;
import io.tuneforge.events.feedback.FeedbackRecorded;
import io.tuneforge.events.feedback.QualityDegraded;
import io.tuneforge.events.rollout.RolloutAdvanced;
import io.tuneforge.events.rollout.RolloutRolledBack;
import io.tuneforge.events.rollout.StepEvidence;
import java.time.Instant;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas are what non-Java teams build on, so the records must serialize to documents the
 * schemas accept, and a document that breaks the contract must be refused.
 */
class EventContractSchemaTest {

    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);

    static final Map<Class<?>, EventPayload> SAMPLES = Map.ofEntries(Map.entry(
            DatasetValidated.class, new DatasetValidated("ds_1", "dsv_1", 1, "support-tone", "supervised", 120,
                    "o200k_base", 45_000,
                    List.of(new SplitSummary("train", 97, 36_000, "/api/v1/datasets/ds_1/versions/1/splits/train")),
                    List.of(new FindingCount("few_examples", 1)))),
            Map.entry(DatasetRejected.class, new DatasetRejected("ds_2", "dsv_2", 3, "broken", 2,
                    List.of(new DatasetRejected.LineError("invalid_json", 4, "line 4: not JSON")))),
            Map.entry(JobQueued.class, new JobQueued("job_1", "ds_1", "dsv_1", "gpt-4.1-mini", "supervised", "acct_1", 90_000L, 5, "pipe_1")),
            Map.entry(JobStarted.class, new JobStarted("job_1", "ftjob-abc", "gpt-4.1-mini", "acct_1")),
            Map.entry(JobProgressed.class, new JobProgressed("job_1", 40, 120L, 1, 0.82, null)),
            Map.entry(JobSucceeded.class, new JobSucceeded("job_1", "ftjob-abc", "acct_1", "ds_1", "dsv_1", "gpt-4.1-mini",
                    "supervised", "ft:gpt-4.1-mini:acme:tickets:abc", 90_000, 3, 1, Instant.parse("2026-11-26T10:00:00Z"), "pipe_1",
                    new EvaluationRequest("tickets", "ft:gpt-4.1-mini:acme:tickets:prev",
                            new GateThresholds(0.05, 0.95, null, 0, null, 1500.0, null, 3),
                            new EvaluationTask("classification", "regex", null, "^(billing|shipping|account|technical)$")))),
            Map.entry(JobFailed.class, new JobFailed("job_1", "ftjob-abc", "data_format", "line 3: invalid", "fix line 3", null, null)),
            Map.entry(EvalCompleted.class, new EvalCompleted("eval_1", "ds_1", "dsv_1", "ft:gpt-4o-mini:acme:tickets:abc",
                    "gpt-4o-mini", null, "promote",
                    List.of(new GateOutcome("format_compliance", true, 1.0, 0.95, "100% of answers match the format (needs >= 95%)")),
                    List.of(new ModelSummary("candidate", "ft:gpt-4o-mini:acme:tickets:abc", 20, 0, 0.9, 0.9, 1.0, 0.9, 12.0,
                            1_200, 40, null)), "job_1", "pipe_1", List.of(new JudgeUsage("gpt-4.1", 40, 12_000, 800)))),
            Map.entry(EvalFailed.class, new EvalFailed("eval_1", "ds_1", "dsv_1", "provider", "model 'x' does not exist", "ftjob_1", "pipe_1")),
            Map.entry(JobCancelled.class, new JobCancelled("job_1", null, "cancelled by user", null)),
            Map.entry(CostEstimated.class, new CostEstimated("ds_1", "dsv_1", 1, "supervised", 97, 36_000, 3, 108_000,
                    List.of(new CandidateCost("gpt-4.1-mini", "gpt-4.1-mini-2025-04-14", "5.00", "0.54", "OpenAI pricing"),
                            new CandidateCost("gpt-x", "gpt-x", null, null, null)),
                    Instant.parse("2026-11-26T10:00:00Z"))),
            Map.entry(BudgetWarning.class, new BudgetWarning("bud_1", "2026-11", "100.00", "80.50", 80, "80.5",
                    Instant.parse("2026-11-26T10:00:00Z"), null)),
            Map.entry(BudgetExceeded.class, new BudgetExceeded("bud_1", "2026-11", "100.00", "101.25", true,
                    Instant.parse("2026-11-26T10:00:00Z"), "pipe_1")),
            Map.entry(BudgetRestored.class, new BudgetRestored("bud_1", null, "2026-11", "150.00", "101.25", "limit_raised",
                    Instant.parse("2026-11-26T11:00:00Z"))),
            Map.entry(InferenceUsage.class, new InferenceUsage("gw-2026-11-26T10:00-ft1", "ft:gpt-4.1-mini:acme:tickets:abc", 120,
                    48_000, 12_000, 6_000, Instant.parse("2026-11-26T10:00:00Z"), Instant.parse("2026-11-26T10:01:00Z"), "gateway", null)),
            Map.entry(RetrainingRequested.class, new RetrainingRequested("pipe_1", "tickets", "dataset.validated", "ds_1", "dsv_2",
                    "job_2", "tickets", Instant.parse("2026-11-26T10:00:00Z"))),
            Map.entry(RolloutAdvanced.class, new RolloutAdvanced("ro_1", "support", "gpt-4.1-mini", "ft:gpt-4.1-mini:acme:tickets:abc",
                    10, 50, 1, false, "guards_held", new StepEvidence(10, 60_000, 42, 1, 0.0238, 310L, 380, 4, 0.0105, 290L), "pipe_1")),
            Map.entry(RolloutRolledBack.class, new RolloutRolledBack("ro_1", "support", "gpt-4.1-mini", "ft:gpt-4.1-mini:acme:tickets:abc",
                    0, 10, "error_rate", "candidate error rate 31.0% over 42 requests exceeds 5.0%",
                    new StepEvidence(10, 12_000, 42, 13, 0.31, null, 380, 0, 0.0, 290L), null)),
            Map.entry(FeedbackRecorded.class, new FeedbackRecorded("fb_1", "chatcmpl-1", "support", "gpt-4.1-mini", "stable", "down",
                    0.0, true, true, true, null, new FeedbackExchange(
                    List.of(Map.of("role", "system", "content", "Route the ticket."), Map.of("role", "user", "content", "Card charged twice")),
                    null, Map.of("role", "assistant", "content", "shipping"), "billing"))),
            Map.entry(QualityDegraded.class, new QualityDegraded("qa_1", "support", "gpt-4.1-mini", "pipe_1", 40, 18, 0.45, 0.3,
                    Instant.parse("2026-11-26T09:00:00Z"), Instant.parse("2026-11-26T10:00:00Z"))));

    @Test
    void everyContractHasASchemaThatAcceptsItsPayload() throws IOException {
        for (EventContract<?> contract : EventContracts.all()) {
            Schema schema = schemaOf(contract);
            EventPayload sample = SAMPLES.get(contract.payloadType());
            assertThat(sample).as("a sample payload for %s", contract.topic()).isNotNull();
            assertThat(schema.validate(EventCodec.write(sample), InputFormat.JSON))
                    .as("%s sample against its schema", contract.topic())
                    .isEmpty();
        }
    }

    @Test
    void schemaRefusesAPayloadMissingARequiredField() throws IOException {
        Schema schema = schemaOf(EventContracts.DATASET_VALIDATED);
        String withoutSplits = EventCodec.write(SAMPLES.get(DatasetValidated.class)).replace("\"splits\":", "\"splitz\":");
        assertThat(schema.validate(withoutSplits, InputFormat.JSON)).isNotEmpty();
    }

    @Test
    void payloadRoundTripsAndIgnoresUnknownFields() {
        DatasetValidated original = (DatasetValidated) SAMPLES.get(DatasetValidated.class);
        String json = EventCodec.write(original);
        assertThat(json).contains("\"dataset_id\":\"ds_1\"").contains("\"billable_tokens\":45000");
        String withNewField = json.replaceFirst("\\{", "{\"added_in_a_later_minor\":true,");
        assertThat(EventCodec.read(withNewField, DatasetValidated.class)).isEqualTo(original);
    }

    @Test
    void aPayloadPublishedBeforeOptionalFieldsWereAddedStillValidatesAndReads() throws IOException {
        // What a v1 producer wrote before pipeline_id and evaluation existed: consumers built on either side keep working.
        String older = "{\"job_id\":\"job_1\",\"provider_job_id\":\"ftjob-abc\",\"provider_account_id\":\"acct_1\","
                + "\"dataset_id\":\"ds_1\",\"dataset_version_id\":\"dsv_1\",\"base_model\":\"gpt-4.1-mini\","
                + "\"method\":\"supervised\",\"fine_tuned_model\":\"ft:gpt-4.1-mini:acme:tickets:abc\",\"trained_tokens\":90000,"
                + "\"n_epochs\":3,\"model_version\":1,\"finished_at\":\"2026-11-26T10:00:00Z\"}";
        assertThat(schemaOf(EventContracts.JOB_SUCCEEDED).validate(older, InputFormat.JSON)).isEmpty();
        JobSucceeded read = EventCodec.read(older, JobSucceeded.class);
        assertThat(read.trainedTokens()).isEqualTo(90_000);
        assertThat(read.pipelineId()).isNull();
        assertThat(read.evaluation()).isNull();
    }

    @Test
    void contractTypesAreVersionedAndTopicsFollowTheNamingRule() {
        for (EventContract<?> contract : EventContracts.all()) {
            assertThat(contract.type()).matches("io\\.tuneforge\\.[a-z_]+\\.[a-z_]+\\.v[0-9]+");
            assertThat(contract.topic()).matches("[a-z_]+\\.[a-z_]+");
            assertThat(EventContracts.byType(contract.type())).contains(contract);
        }
    }

    private static Schema schemaOf(EventContract<?> contract) throws IOException {
        try (InputStream in = EventContract.class.getClassLoader().getResourceAsStream(contract.schemaResource())) {
            assertThat(in).as("schema %s on the classpath", contract.schemaResource()).isNotNull();
            return SCHEMAS.getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        }
    }
}
