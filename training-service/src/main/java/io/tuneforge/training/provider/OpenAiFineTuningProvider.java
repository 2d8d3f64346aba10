package io.tuneforge.training.provider;

import com.fasterxml.jackson.core.type.TypeReference;
import com.openai.azure.AzureOpenAIServiceVersion;
import com.openai.azure.credential.AzureApiKeyCredential;
import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.Headers;
import com.openai.errors.OpenAIIoException;
import com.openai.models.webhooks.UnwrapWebhookEvent;
import com.openai.models.webhooks.WebhookVerificationParams;
import com.openai.errors.OpenAIServiceException;
import com.openai.errors.RateLimitException;
import com.openai.models.files.FileCreateParams;
import com.openai.models.files.FilePurpose;
import com.openai.models.finetuning.jobs.FineTuningJob;
import com.openai.models.finetuning.jobs.FineTuningJobEvent;
import com.openai.models.finetuning.jobs.JobCreateParams;
import com.openai.models.finetuning.jobs.JobListEventsPage;
import com.openai.models.finetuning.jobs.JobListEventsParams;
import com.openai.models.finetuning.jobs.JobListParams;
import com.openai.models.finetuning.jobs.checkpoints.FineTuningJobCheckpoint;
import com.openai.models.uploads.UploadCompleteParams;
import com.openai.models.uploads.UploadCreateParams;
import com.openai.models.uploads.parts.PartCreateParams;
import io.tuneforge.training.TrainingConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * {@link FineTuningProvider} on openai-java: OpenAI, Azure OpenAI and any OpenAI-compatible base URL
 * (the simulator). The SDK's own retries are off ({@code maxRetries(0)}) so that the scheduler alone
 * decides when a call is repeated.
 */
@ApplicationScoped
public class OpenAiFineTuningProvider implements FineTuningProvider {

    private static final int MAX_EVENT_PAGES = 50;

    private final Map<String, OpenAIClient> clients = new ConcurrentHashMap<>();
    private OpenAIClient webhookVerifier;

    @Inject
    RequestBudget requestBudget;

    @Inject
    TrainingConfig config;

    @Override
    public String uploadFile(ProviderConnection account, Path file, String filename) {
        long size = size(file);
        if (size <= config.provider().uploadsApiThreshold()) {
            return call(() -> client(account).files().create(FileCreateParams.builder()
                    .file(file).purpose(FilePurpose.FINE_TUNE).build()).id());
        }
        String uploadId = call(() -> client(account).uploads().create(UploadCreateParams.builder()
                .bytes(size).filename(filename).mimeType("text/jsonl").purpose(FilePurpose.FINE_TUNE).build()).id());
        List<String> partIds = new ArrayList<>();
        byte[] buffer = new byte[(int) Math.min(config.provider().uploadPartBytes(), Integer.MAX_VALUE - 16)];
        try (InputStream in = Files.newInputStream(file)) {
            int read;
            while ((read = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                byte[] part = read == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, read);
                partIds.add(call(() -> client(account).uploads().parts().create(PartCreateParams.builder()
                        .uploadId(uploadId).data(part).build()).id()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the spooled split " + file, e);
        }
        return call(() -> client(account).uploads().complete(UploadCompleteParams.builder()
                .uploadId(uploadId).partIds(partIds).build()).file()
                .orElseThrow(() -> new ProviderException(ProviderException.Kind.TRANSIENT, 0, null,
                        "upload " + uploadId + " completed without a file", null, null)).id());
    }

    @Override
    public ProviderJob createJob(ProviderConnection account, ProviderJobRequest request) {
        JobCreateParams.Metadata.Builder metadata = JobCreateParams.Metadata.builder();
        request.metadata().forEach(metadata::putProperty);
        JobCreateParams.Builder params = JobCreateParams.builder()
                .model(request.model())
                .trainingFile(request.trainingFile())
                .metadata(metadata.build())
                .putAdditionalBodyProperty("method", JsonValue.from(request.method()))
                .putAdditionalHeader("Idempotency-Key", request.idempotencyKey());
        if (request.validationFile() != null) {
            params.validationFile(request.validationFile());
        }
        if (request.suffix() != null) {
            params.suffix(request.suffix());
        }
        if (request.seed() != null) {
            params.seed(request.seed());
        }
        return call(() -> view(client(account).fineTuning().jobs().create(params.build())));
    }

    @Override
    public Optional<ProviderJob> findJob(ProviderConnection account, String tuneforgeJobId) {
        return call(() -> client(account).fineTuning().jobs().list(JobListParams.builder()
                .metadata(JobListParams.Metadata.builder()
                        .additionalProperties(Map.of("tuneforge_job_id", List.of(tuneforgeJobId))).build())
                .limit(10).build()).data().stream()
                .filter(j -> j.metadata().map(m -> JsonValue.from(tuneforgeJobId).equals(m._additionalProperties().get("tuneforge_job_id")))
                        .orElse(false))
                .findFirst().map(OpenAiFineTuningProvider::view));
    }

    @Override
    public ProviderJob retrieve(ProviderConnection account, String providerJobId) {
        return call(() -> view(client(account).fineTuning().jobs().retrieve(providerJobId)));
    }

    @Override
    public List<ProviderEvent> newEvents(ProviderConnection account, String providerJobId, Predicate<String> known) {
        return call(() -> {
            // Pages come newest first: walk back until an event already stored, then return oldest first.
            List<ProviderEvent> fresh = new ArrayList<>();
            JobListEventsPage page = client(account).fineTuning().jobs().listEvents(JobListEventsParams.builder()
                    .fineTuningJobId(providerJobId).limit(100).build());
            for (int pages = 0; pages < MAX_EVENT_PAGES; pages++) {
                for (FineTuningJobEvent e : page.data()) {
                    if (known.test(e.id())) {
                        Collections.reverse(fresh);
                        return fresh;
                    }
                    fresh.add(view(e));
                }
                if (!page.hasNextPage()) {
                    break;
                }
                page = page.nextPage();
            }
            Collections.reverse(fresh);
            return fresh;
        });
    }

    @Override
    public List<ProviderCheckpoint> checkpoints(ProviderConnection account, String providerJobId) {
        return call(() -> client(account).fineTuning().jobs().checkpoints().list(providerJobId).data().stream()
                .map(OpenAiFineTuningProvider::view).toList());
    }

    @Override
    public ProviderJob cancel(ProviderConnection account, String providerJobId) {
        return call(() -> view(client(account).fineTuning().jobs().cancel(providerJobId)));
    }

    @Override
    public ProviderJob pause(ProviderConnection account, String providerJobId) {
        return call(() -> view(client(account).fineTuning().jobs().pause(providerJobId)));
    }

    @Override
    public ProviderJob resume(ProviderConnection account, String providerJobId) {
        return call(() -> view(client(account).fineTuning().jobs().resume(providerJobId)));
    }

    @Override
    public Optional<String> verifiedWebhookJobId(String signingSecret, String payload, Map<String, List<String>> headers) {
        Headers.Builder h = Headers.builder();
        headers.forEach(h::put);
        WebhookVerificationParams params = WebhookVerificationParams.builder().payload(payload).headers(h.build())
                .secret(signingSecret).tolerance(WEBHOOK_TOLERANCE).build();
        try {
            webhookVerifier().webhooks().verifySignature(params);
        } catch (RuntimeException e) {
            // openai-java reports missing headers, a bad signature and a stale timestamp alike (not all as OpenAIException).
            throw new ProviderException(ProviderException.Kind.REJECTED, 401, "invalid_webhook", "webhook rejected: " + e.getMessage(),
                    null, e);
        }
        UnwrapWebhookEvent event;
        try {
            event = webhookVerifier().webhooks().unwrap(params);
        } catch (RuntimeException e) {
            throw new ProviderException(ProviderException.Kind.REJECTED, 400, "invalid_webhook_payload",
                    "signed webhook is not a webhook event: " + e.getMessage(), null, e);
        }
        if (event.isFineTuningJobSucceeded()) {
            return Optional.of(event.asFineTuningJobSucceeded().data().id());
        }
        if (event.isFineTuningJobFailed()) {
            return Optional.of(event.asFineTuningJobFailed().data().id());
        }
        if (event.isFineTuningJobCancelled()) {
            return Optional.of(event.asFineTuningJobCancelled().data().id());
        }
        return Optional.empty();
    }

    /** Verification is local (HMAC); this client never sends a request. */
    private synchronized OpenAIClient webhookVerifier() {
        if (webhookVerifier == null) {
            webhookVerifier = OpenAIOkHttpClient.builder().apiKey("webhook-verification-only").baseUrl("http://127.0.0.1:9")
                    .maxRetries(0).build();
        }
        return webhookVerifier;
    }

    /** One client per account revision: an updated key or URL gets a new client, never a stale one. */
    private OpenAIClient client(ProviderConnection account) {
        requestBudget.acquire(account);
        String cacheKey = account.accountId() + "@" + account.revision();
        return clients.computeIfAbsent(cacheKey, k -> {
            clients.keySet().removeIf(existing -> existing.startsWith(account.accountId() + "@"));
            OpenAIOkHttpClient.Builder builder = OpenAIOkHttpClient.builder()
                    .baseUrl(account.baseUrl())
                    .timeout(config.provider().timeout())
                    .maxRetries(0);
            if ("azure".equals(account.kind())) {
                builder.credential(AzureApiKeyCredential.create(account.apiKey()));
                if (account.azureApiVersion() != null) {
                    builder.azureServiceVersion(AzureOpenAIServiceVersion.fromString(account.azureApiVersion()));
                }
            } else {
                builder.apiKey(account.apiKey());
            }
            if (account.organization() != null) {
                builder.organization(account.organization());
            }
            if (account.project() != null) {
                builder.project(account.project());
            }
            return builder.build();
        });
    }

    private static <T> T call(Supplier<T> call) {
        try {
            return call.get();
        } catch (RateLimitException e) {
            throw new ProviderException(ProviderException.Kind.RATE_LIMITED, 429, e.code().orElse(null), e.getMessage(),
                    retryAfter(e), e);
        } catch (OpenAIServiceException e) {
            boolean transientFailure = e.statusCode() >= 500 || e.statusCode() == 408 || e.statusCode() == 409;
            throw new ProviderException(transientFailure ? ProviderException.Kind.TRANSIENT : ProviderException.Kind.REJECTED,
                    e.statusCode(), e.code().orElse(null), e.getMessage(), null, e);
        } catch (OpenAIIoException e) {
            throw new ProviderException(ProviderException.Kind.TRANSIENT, 0, null, "no answer from the provider: " + e.getMessage(),
                    null, e);
        }
    }

    private static Duration retryAfter(OpenAIServiceException e) {
        try {
            List<String> values = e.headers().values("retry-after");
            return values.isEmpty() ? null : Duration.ofSeconds(Long.parseLong(values.get(0).trim()));
        } catch (RuntimeException ignored) {
            return null;
        }
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ProviderJob view(FineTuningJob job) {
        Integer epochs = job.hyperparameters().nEpochs().filter(n -> n.isInteger()).map(n -> (int) n.asInteger()).orElse(null);
        return new ProviderJob(job.id(), job.status().asString(), job.fineTunedModel().orElse(null), job.trainedTokens().orElse(null),
                epochs, job.error().map(FineTuningJob.Error::code).orElse(null),
                job.error().map(FineTuningJob.Error::message).orElse(null), job.error().flatMap(FineTuningJob.Error::param).orElse(null));
    }

    private static ProviderEvent view(FineTuningJobEvent e) {
        Map<String, Object> data = e._data().isMissing() || e._data().isNull() ? Map.of()
                : Optional.ofNullable(e._data().convert(new TypeReference<Map<String, Object>>() { })).orElse(Map.of());
        return new ProviderEvent(e.id(), Instant.ofEpochSecond(e.createdAt()), e.level().asString(),
                e.type().map(t -> t.asString()).orElse("message"), e.message(), data);
    }

    private static ProviderCheckpoint view(FineTuningJobCheckpoint c) {
        FineTuningJobCheckpoint.Metrics m = c.metrics();
        return new ProviderCheckpoint(c.id(), c.stepNumber(), c.fineTunedModelCheckpoint(), m.trainLoss().orElse(null),
                m.validLoss().orElse(null), m.fullValidLoss().orElse(null), Instant.ofEpochSecond(c.createdAt()));
    }
}
