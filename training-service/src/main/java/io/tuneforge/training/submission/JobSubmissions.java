package io.tuneforge.training.submission;

import io.tuneforge.training.budget.BudgetHolds;
import io.tuneforge.platform.json.JsonColumns;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.events.job.JobQueued;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.outbox.Outbox;
import io.tuneforge.training.domain.FineTuneJob;
import io.tuneforge.training.domain.Hyperparameters;
import io.tuneforge.training.lifecycle.JobLifecycle;
import io.tuneforge.training.domain.ProviderAccount;
import io.tuneforge.training.domain.TrainingData;
import io.tuneforge.training.domain.TrainingEstimate;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Accepts a job: checks it against OpenAI's rules and the tenant's data and accounts, then queues it. */
@ApplicationScoped
public class JobSubmissions {

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    JsonColumns columns;

    @Inject
    BudgetHolds budgets;

    @Inject
    JobLifecycle lifecycle;

    /** Checks the order and queues its job, or says which fields stop it; nothing is created then. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Submission submit(JobOrder r) {
        String tenantId = r.tenantId();
        String pipelineId = r.pipelineId();
        List<Submission.Field> errors = new ArrayList<>();
        String method = r.method() == null ? null : r.method();
        if (r.baseModel() == null || r.baseModel().isBlank()) {
            errors.add(new Submission.Field("base_model", "is required, e.g. gpt-4.1-mini-2025-04-14"));
        }
        if (method != null && !List.of("supervised", "dpo").contains(method)) {
            errors.add(new Submission.Field("method", "must be 'supervised' or 'dpo', got '" + method + "'"));
        }
        Hyperparameters h = r.hyperparameters() == null ? Hyperparameters.AUTO : r.hyperparameters();
        for (String problem : h.problems(method == null ? "supervised" : method)) {
            int colon = problem.indexOf(':');
            errors.add(new Submission.Field(problem.substring(0, colon), problem.substring(colon + 2)));
        }
        if (r.suffix() != null && (r.suffix().length() > 64 || !r.suffix().matches("[A-Za-z0-9_-]+"))) {
            errors.add(new Submission.Field("suffix", "up to 64 characters of letters, digits, '-' and '_'"));
        }
        if (r.metadata() != null && r.metadata().size() > 14) {
            errors.add(new Submission.Field("metadata", "at most 14 keys (OpenAI allows 16; tuneforge uses 2)"));
        }
        if (r.priority() != null && (r.priority() < 0 || r.priority() > 100)) {
            errors.add(new Submission.Field("priority", "must be from 0 to 100 (higher first)"));
        }
        TrainingData data = trainingData(tenantId, r, errors);
        if (data != null && method != null && !method.equals(data.method)) {
            errors.add(new Submission.Field("method", "dataset version " + data.versionId + " holds " + data.method
                    + " examples; use method '" + data.method + "'"));
        }
        ProviderAccount account = account(tenantId, r.accountId(), errors);
        if (!errors.isEmpty()) {
            return new Submission.Rejected(errors);
        }
        Instant now = clock.instant();
        FineTuneJob job = new FineTuneJob();
        job.id = EntityIds.next("job");
        job.tenantId = tenantId;
        job.accountId = account.id;
        job.datasetId = data.datasetId;
        job.datasetVersionId = data.versionId;
        job.baseModel = r.baseModel();
        job.method = method == null ? data.method : method;
        job.hyperparameters = columns.write(h);
        job.suffix = r.suffix();
        job.seed = r.seed();
        job.metadata = columns.write(r.metadata() == null ? Map.of() : r.metadata());
        job.modelName = r.modelName() != null && !r.modelName().isBlank() ? r.modelName() : data.name;
        job.priority = r.priority() == null ? JobOrder.DEFAULT_PRIORITY : r.priority();
        job.pipelineId = pipelineId;
        job.budgetReason = budgets.heldBecause(tenantId, pipelineId).orElse(null);
        lifecycle.submitted(job);
        job.idempotencyKey = "tuneforge-" + job.id;
        job.advisories = "[]";
        job.nextAttemptAt = now;
        job.createdAt = now;
        job.updatedAt = now;
        job.persist();
        Long estimated = TrainingEstimate.trainedTokens(data, h);
        outbox.publish(tenantId, new JobQueued(job.id, job.datasetId, job.datasetVersionId, job.baseModel, job.method, job.accountId,
                estimated, job.priority, pipelineId));
        return new Submission.Accepted(job);
    }

    private static TrainingData trainingData(String tenantId, JobOrder r, List<Submission.Field> errors) {
        TrainingData data = null;
        if (r.datasetVersionId() != null) {
            data = TrainingData.find("tenantId = ?1 and versionId = ?2", tenantId, r.datasetVersionId()).firstResult();
        } else if (r.datasetId() != null && r.version() != null) {
            data = TrainingData.find("tenantId = ?1 and datasetId = ?2 and version = ?3", tenantId, r.datasetId(), r.version()).firstResult();
        } else if (r.datasetId() != null) {
            data = TrainingData.find("tenantId = ?1 and datasetId = ?2 order by version desc", tenantId, r.datasetId()).firstResult();
        } else {
            errors.add(new Submission.Field("dataset_version_id", "name the data: dataset_version_id, or dataset_id (+ version)"));
            return null;
        }
        if (data == null) {
            errors.add(new Submission.Field(r.datasetVersionId() != null ? "dataset_version_id" : "dataset_id",
                    "no validated dataset version matches; validate it in dataset-service first (GET /api/v1/training-data lists "
                            + "what can be trained on)"));
        } else if (data.trainPath == null) {
            errors.add(new Submission.Field("dataset_version_id", "version " + data.versionId + " has no training split"));
        }
        return data;
    }

    private static ProviderAccount account(String tenantId, String accountId, List<Submission.Field> errors) {
        if (accountId != null) {
            ProviderAccount account = ProviderAccount.ofTenant(tenantId, accountId).orElse(null);
            if (account == null) {
                errors.add(new Submission.Field("account_id", "no account '" + accountId + "'; GET /api/v1/accounts lists yours"));
            }
            return account;
        }
        List<ProviderAccount> accounts = ProviderAccount.allOfTenant(tenantId);
        if (accounts.size() != 1) {
            errors.add(new Submission.Field("account_id", accounts.isEmpty()
                    ? "add a provider account first (POST /api/v1/accounts)"
                    : "you have " + accounts.size() + " accounts; name one"));
            return null;
        }
        return accounts.get(0);
    }

}
