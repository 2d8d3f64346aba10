package io.tuneforge.dataset.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.dataset.domain.Dataset;
import io.tuneforge.dataset.domain.DatasetExample;
import io.tuneforge.dataset.domain.DatasetVersion;
import io.tuneforge.dataset.domain.Split;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tuneforge.dataset.split.SplitConfig;
import io.tuneforge.dataset.split.SplitPlan;
import io.tuneforge.dataset.split.StratifiedSplitter;
import io.tuneforge.dataset.split.TestSize;
import io.tuneforge.dataset.validation.ExampleSignals;
import io.tuneforge.dataset.validation.imports.ImportResult;
import io.tuneforge.dataset.validation.input.JsonlLineReader;
import io.tuneforge.dataset.validation.input.RawLine;
import io.tuneforge.dataset.validation.imports.SourceFormat;
import io.tuneforge.dataset.validation.pii.RedactionResult;
import io.tuneforge.dataset.validation.report.FindingTally;
import io.tuneforge.dataset.validation.report.Severity;
import io.tuneforge.dataset.validation.report.ValidationReport;
import io.tuneforge.events.dataset.DatasetRejected;
import io.tuneforge.events.dataset.DatasetValidated;
import io.tuneforge.events.dataset.FindingCount;
import io.tuneforge.events.dataset.SplitSummary;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.outbox.Outbox;
import io.tuneforge.dataset.domain.DatasetRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Turns an upload into a new immutable version: validates it in one streaming pass of the engine (which hands over
 * each example's tokens, fingerprints and category), then, if it is valid, stores every example with its split,
 * and records the verdict and its event in one transaction.
 */
@ApplicationScoped
public class DatasetIngestion {

    /** Findings kept in the report per upload; counts cover all of them. */
    private static final int MAX_KEPT_FINDINGS = 200;
    private static final int KEPT_PER_ERROR_CODE = 5;
    private static final int FLUSH_EVERY = 500;
    /** Content held by the session before a flush: with long lines, 500 rows alone could outgrow the heap. */
    private static final long FLUSH_BYTES = 16L << 20;
    private static final int UPDATE_BATCH = 1000;
    private static final int MAX_CATEGORY_CHARS = 200;

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    SplitConfig splitConfig;

    @Inject
    ObjectMapper json;

    @Inject
    ValidationEngine engine;

    @Inject
    IngestConfig config;

    @Inject
    SourceConversions conversions;

    /**
     * What to make a version from: the upload alone, the upload appended to a validated parent, or a redacted copy
     * of a validated parent (no upload). {@code importFormat} converts the upload first ("auto" detects the format).
     */
    public record Request(String tenantId, String datasetId, DatasetVersion.Mode mode, Integer parentVersion,
                          boolean convert, SourceFormat importFormat, FeedbackBatch feedback, TestSize testSize) {

        /** {@code testSize}: the held-out size of this version; null takes the dataset's, else the configured one. */
        public Request(String tenantId, String datasetId, DatasetVersion.Mode mode, Integer parentVersion,
                       boolean convert, SourceFormat importFormat, TestSize testSize) {
            this(tenantId, datasetId, mode, parentVersion, convert, importFormat, null, testSize);
        }
    }

    /**
     * What a version made from feedback (mode {@code feedback}) adds to its parent: preference pairs as JSONL lines in
     * a scratch file, the lineage report, and {@code take}, which runs in the transaction that stores the version,
     * after the dataset row is locked, so two builders cannot both store a version from the same pairs (it throws to
     * roll the version back when another one took them first).
     */
    public record FeedbackBatch(Path lines, String report, java.util.function.Consumer<DatasetVersion> take) {
    }

    /**
     * Spools and validates the upload outside any transaction (it may take minutes for a large file), then stores
     * the version in one transaction bounded by {@code tuneforge.dataset.ingest.store-timeout}.
     */
    public DatasetVersion ingest(Request request, InputStream upload) {
        Dataset dataset = QuarkusTransaction.requiringNew().call(() -> Dataset.findOwned(request.tenantId(), request.datasetId()))
                .orElseThrow(() -> DatasetRefusal.notFound("Dataset", request.datasetId()));
        DatasetVersion parent = switch (request.mode()) {
            case UPLOAD -> null;
            case APPEND -> appendParent(request);
            case REDACTED -> validatedVersion(request, "redact");
            // Pairs extend the latest validated version; a dataset without one gets a version of the pairs alone.
            case FEEDBACK -> QuarkusTransaction.requiringNew()
                    .call(() -> DatasetVersion.latestValidated(request.tenantId(), request.datasetId())).orElse(null);
        };
        SourceConversions.Imported imported = null;
        SourceConversions.Redacted redacted = null;
        try {
            ContentBounds bounds = engine.bounds();
            InputStream body = upload;
            if (request.convert()) {
                imported = conversions.importUpload(upload, request.importFormat(), dataset.method, bounds);
                body = Files.newInputStream(imported.file());
            }
            UploadSpool spool;
            if (request.mode() == DatasetVersion.Mode.FEEDBACK) {
                try (InputStream pairs = Files.newInputStream(request.feedback().lines())) {
                    spool = parent != null ? UploadSpool.appending(parent.id, pairs, bounds) : UploadSpool.of(pairs, bounds);
                }
            } else if (request.mode() == DatasetVersion.Mode.REDACTED) {
                redacted = conversions.redactVersion(parent.id);
                spool = UploadSpool.ofFile(redacted.file(), 0);
            } else if (parent != null) {
                spool = UploadSpool.appending(parent.id, body, bounds);
            } else {
                spool = UploadSpool.of(body, bounds);
            }
            try (spool; InputStream closeBody = body; ExampleSignalSpool signals = new ExampleSignalSpool()) {
                // Before anything holds a line or an example: what the heap cannot take is refused here.
                bounds.check(spool.content());
                MethodCheck method = new MethodCheck(dataset.method);
                ValidationReport report = engine.validate(spool, example -> {
                    method.observe(example);
                    signals.write(example);
                });
                signals.finish();
                SourceConversions.Imported importedResult = imported;
                SourceConversions.Redacted redactedResult = redacted;
                TestSize testSize = request.testSize() != null ? request.testSize()
                        : dataset.testSize() != null ? dataset.testSize() : TestSize.ofPercent(splitConfig.testPercent());
                return QuarkusTransaction.requiringNew().timeout((int) config.storeTimeout().toSeconds()).call(() -> {
                    try (InputStream content = spool.content(); ExampleSignalSpool.Reader examples = signals.read()) {
                        DatasetVersion version = store(request.tenantId(), dataset, report, method, content, examples, testSize);
                        version.mode = request.mode();
                        version.parentVersionId = parent == null ? null : parent.id;
                        boolean uploaded = redactedResult == null && request.feedback() == null;
                        version.uploadedBytes = !uploaded ? null
                                : importedResult != null ? importedResult.uploadedBytes() : spool.uploadedBytes();
                        version.firstUploadedLine = redactedResult != null ? null : spool.firstUploadedLine();
                        if (importedResult != null) {
                            version.importFormat = importedResult.result().sourceFormat().id();
                            version.importReport = writeJson(ImportReport.of(importedResult.result()));
                        }
                        if (redactedResult != null) {
                            version.redactionReport = writeJson(RedactionReport.of(redactedResult.result()));
                        }
                        if (request.feedback() != null) {
                            version.feedbackReport = request.feedback().report();
                            request.feedback().take().accept(version);
                        }
                        return version;
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        } catch (IOException | UncheckedIOException e) {
            throw DatasetRefusal.invalid("Unreadable upload", "The upload could not be read: " + e.getMessage()
                    + ". Send the file again; gzip uploads must be complete.");
        } finally {
            deleteQuietly(imported == null ? null : imported.file());
        }
    }

    /** The version an append extends: the one named, or the latest validated; a rejected one has no content to extend. */
    private static DatasetVersion appendParent(Request request) {
        if (request.parentVersion() != null) {
            return validatedVersion(request, "append to");
        }
        return QuarkusTransaction.requiringNew().call(() -> DatasetVersion.latestValidated(request.tenantId(), request.datasetId()))
                .orElseThrow(() -> DatasetRefusal.conflict("Nothing to append to", "Dataset " + request.datasetId()
                        + " has no validated version yet; upload a first version without ?mode=append."));
    }

    private static DatasetVersion validatedVersion(Request request, String verb) {
        DatasetVersion named = QuarkusTransaction.requiringNew()
                .call(() -> DatasetVersion.findOwned(request.tenantId(), request.datasetId(), request.parentVersion()))
                .orElseThrow(() -> DatasetRefusal.notFound("Dataset version", request.datasetId() + "/" + request.parentVersion()));
        if (named.status != DatasetVersion.Status.VALIDATED) {
            throw DatasetRefusal.conflict("Cannot " + verb + " a rejected version", "Version " + named.version + " of "
                    + request.datasetId() + " failed validation and has no examples; " + verb + " a validated version instead.");
        }
        return named;
    }

    /** The importer's report as served by {@code GET .../import-report}. */
    public record ImportReport(String sourceFormat, String sourceLabel, String outputKind, long recordsRead, long recordsWritten,
                               long recordsSkipped, List<ImportResult.FieldMapping> mappings,
                               List<ImportResult.SkippedRecord> skipped) {
        static ImportReport of(ImportResult r) {
            return new ImportReport(r.sourceFormat().id(), r.sourceFormat().label(), r.outputKind().name().toLowerCase(Locale.ROOT),
                    r.recordsRead(), r.recordsWritten(), r.recordsSkipped(), r.mappings(), r.skipped());
        }
    }

    /** What a redacted copy replaced: per finding code (pii_email, secret ...), and the lines touched. */
    public record RedactionReport(long lines, long linesChanged, long unparsedLines, long droppedLines, long replaced,
                                  Map<String, Long> replacements) {
        static RedactionReport of(RedactionResult r) {
            Map<String, Long> byCode = new LinkedHashMap<>();
            r.replacements().forEach((kind, count) -> byCode.put(kind.code().code(), count));
            return new RedactionReport(r.lines(), r.linesChanged(), r.unparsedLines(), r.droppedLines(), r.total(), byCode);
        }
    }

    private static void deleteQuietly(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // Scratch space in the temp directory: a leftover file is harmless.
        }
    }

    /**
     * Records the verdict. A version with errors keeps only its report and findings; a valid one stores every
     * example with the validator's tokens, fingerprints and category (read back from the signal spool in line order,
     * so the content is not parsed again) and its split.
     */
    private DatasetVersion store(String tenantId, Dataset dataset, ValidationReport report, MethodCheck method,
                                 InputStream content, ExampleSignalSpool.Reader examples, TestSize testSize) throws IOException {
        if (report.input().examples() == 0 && report.input().unparsableLines() == 0) {
            throw DatasetRefusal.invalid("Empty upload", "The upload has no examples: send JSONL, one JSON object per line.");
        }
        // Serializes concurrent uploads to one dataset: each gets the next version number.
        String datasetId = dataset.id;
        dataset = em.find(Dataset.class, datasetId, LockModeType.PESSIMISTIC_WRITE);
        if (dataset == null) {
            throw DatasetRefusal.notFound("Dataset", datasetId);
        }
        DatasetVersion version = new DatasetVersion();
        version.id = EntityIds.next("dsv");
        version.tenantId = tenantId;
        version.datasetId = dataset.id;
        version.version = dataset.latestVersion + 1;
        version.encoding = engine.encoding();
        version.createdAt = clock.instant();
        version.status = DatasetVersion.Status.REJECTED;
        version.testSize(testSize);

        List<UploadFinding> kept = new ArrayList<>();
        Map<String, Long> countsByCode = new LinkedHashMap<>();
        long errors = method.findings(kept, countsByCode);
        for (FindingTally tally : report.findings()) {
            if (tally.severity() == Severity.ERROR) {
                countsByCode.merge(tally.code(), tally.count(), Long::sum);
                errors += tally.count();
                tally.examples().stream().limit(KEPT_PER_ERROR_CODE)
                        .map(f -> UploadFinding.error(f.code(), f.line(), f.describe()))
                        .forEach(kept::add);
            } else if (tally.severity() == Severity.WARNING) {
                countsByCode.merge(tally.code(), tally.count(), Long::sum);
                tally.examples().stream().limit(1)
                        .map(f -> UploadFinding.warning(f.code(), f.line(), f.describe()))
                        .forEach(kept::add);
            }
        }
        version.errorCount = errors;
        version.findings = writeJson(kept.size() > MAX_KEPT_FINDINGS ? kept.subList(0, MAX_KEPT_FINDINGS) : kept);
        version.report = engine.toJson(report);
        dataset.latestVersion = version.version;

        if (errors > 0) {
            version.exampleCount = method.cleanExamples();
            em.persist(version);
            outbox.publish(tenantId, new DatasetRejected(dataset.id, version.id, version.version, dataset.name, errors,
                    kept.stream().filter(UploadFinding::isError).limit(10)
                            .map(f -> new DatasetRejected.LineError(f.code(), f.line(), f.message())).toList()));
            return version;
        }

        StratifiedSplitter splitter = StratifiedSplitter.of(splitConfig, testSize);
        // Refused before any row is written: a held-out size that leaves nothing to train on.
        splitter.checkRoom(report.input().examples());
        em.persist(version);
        em.flush();
        long[] lineOfExample = new long[1024];
        long stored = 0;
        long unflushedBytes = 0;
        JsonlLineReader lines = new JsonlLineReader(content, engine.maxLineBytes());
        ExampleSignals next = examples.next();
        for (RawLine raw = lines.next(); raw != null && next != null; raw = lines.next()) {
            if (raw.number() != next.line()) {
                continue; // blank lines (a warning) are not examples
            }
            int index = splitter.add(next.promptFingerprint(), next.nearText(), next.category(), next.tokens());
            if (index == lineOfExample.length) {
                lineOfExample = Arrays.copyOf(lineOfExample, index * 2);
            }
            lineOfExample[index] = raw.number();
            // Stored in train; the split is known once every example has been seen (assignSplits).
            DatasetExample row = new DatasetExample();
            row.key = new DatasetExample.Key(version.id, raw.number());
            row.split = Split.TRAIN.wireName();
            row.tokens = next.tokens();
            row.content = next.normalizedContent() != null ? next.normalizedContent() : text(raw);
            row.fingerprint = next.fingerprint();
            row.category = truncate(next.category());
            em.persist(row);
            stored++;
            unflushedBytes += raw.byteLength();
            if (stored % FLUSH_EVERY == 0 || unflushedBytes >= FLUSH_BYTES) {
                em.flush();
                em.clear();
                unflushedBytes = 0;
            }
            next = examples.next();
        }
        if (next != null) {
            throw new IllegalStateException("the upload changed between validation and storage: line " + next.line() + " is missing");
        }
        em.flush();
        em.clear();

        // The version row was detached by the batch clear: reattach before updating it.
        version = em.find(DatasetVersion.class, version.id);
        version.exampleCount = stored;
        version.status = DatasetVersion.Status.VALIDATED;
        SplitPlan plan = splitter.assign();
        assignSplits(version.id, plan, lineOfExample);
        version.stratified = plan.stratified();
        version.splitStats = writeJson(plan.statsByWireName());
        version.billableTokens = plan.stats(Split.TRAIN).tokens();
        List<SplitSummary> splits = new ArrayList<>();
        for (Split split : Split.values()) {
            SplitPlan.SplitStats stats = plan.stats(split);
            splits.add(new SplitSummary(split.wireName(), stats.examples(), stats.tokens(),
                    "/api/v1/datasets/" + dataset.id + "/versions/" + version.version + "/splits/" + split.wireName()));
        }
        List<FindingCount> warnings = kept.stream().filter(f -> !f.isError()).map(UploadFinding::code).distinct()
                .map(code -> new FindingCount(code, countsByCode.get(code))).toList();
        outbox.publish(tenantId, new DatasetValidated(dataset.id, version.id, version.version, dataset.name,
                dataset.method, stored, version.encoding, version.billableTokens, splits, warnings));
        return version;
    }

    /** The stored text of a line: its bytes without terminator (a BOM rejects the version, so none is stripped). */
    private static String text(RawLine raw) {
        return new String(raw.bytes(), StandardCharsets.UTF_8);
    }

    /** Moves the held-out and validation examples out of train, a bounded batch of line numbers per statement. */
    private void assignSplits(String versionId, SplitPlan plan, long[] lineOfExample) {
        for (Split split : new Split[] {Split.TEST, Split.VALIDATION}) {
            List<Long> batch = new ArrayList<>(UPDATE_BATCH);
            for (int i = 0; i < plan.size(); i++) {
                if (plan.splitOf(i) == split) {
                    batch.add(lineOfExample[i]);
                }
                if (batch.size() == UPDATE_BATCH || (i == plan.size() - 1 && !batch.isEmpty())) {
                    em.createQuery("update DatasetExample e set e.split = ?1 where e.key.versionId = ?2 and e.key.lineNo in ?3")
                            .setParameter(1, split.wireName()).setParameter(2, versionId).setParameter(3, batch).executeUpdate();
                    batch = new ArrayList<>(UPDATE_BATCH);
                }
            }
        }
    }

    private static String truncate(String category) {
        return category == null || category.length() <= MAX_CATEGORY_CHARS ? category : category.substring(0, MAX_CATEGORY_CHARS);
    }

    private String writeJson(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings are plain records and always serialize", e);
        }
    }
}
