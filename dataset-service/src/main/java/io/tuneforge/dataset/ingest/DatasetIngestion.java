package io.tuneforge.dataset.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.dataset.domain.Dataset;
import io.tuneforge.dataset.domain.DatasetExample;
import io.tuneforge.dataset.domain.DatasetVersion;
import io.tuneforge.dataset.domain.Split;
import io.tuneforge.dataset.split.SeededSplitter;
import io.tuneforge.dataset.split.SplitConfig;
import io.tuneforge.dataset.validation.report.FindingTally;
import io.tuneforge.dataset.validation.report.Severity;
import io.tuneforge.dataset.validation.report.ValidationReport;
import io.tuneforge.events.dataset.DatasetRejected;
import io.tuneforge.events.dataset.DatasetValidated;
import io.tuneforge.events.dataset.FindingCount;
import io.tuneforge.events.dataset.SplitSummary;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.outbox.Outbox;
import io.tuneforge.platform.problem.ApiProblem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an upload into a new immutable version: streams it line by line, checks each example,
 * stores the valid ones with their split, and records the verdict and its event in one transaction.
 */
@ApplicationScoped
public class DatasetIngestion {

    /** Findings kept in the report per upload; counts cover all of them. */
    private static final int MAX_KEPT_FINDINGS = 200;
    private static final int MIN_EXAMPLES = 10;
    private static final int FLUSH_EVERY = 500;

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

    @Transactional
    public DatasetVersion ingest(String tenantId, String datasetId, InputStream upload) {
        Dataset dataset = Dataset.findOwned(tenantId, datasetId)
                .orElseThrow(() -> ApiProblem.notFound("Dataset", datasetId));
        try (UploadSpool spool = UploadSpool.of(upload)) {
            ValidationReport report = engine.validate(spool);
            try (InputStream content = spool.content()) {
                return store(tenantId, dataset, content, report);
            }
        } catch (IOException e) {
            throw ApiProblem.badRequest("Unreadable upload", "The upload could not be read: " + e.getMessage()
                    + ". Send the file again; gzip uploads must be complete.");
        }
    }

    private DatasetVersion store(String tenantId, Dataset dataset, InputStream upload, ValidationReport report) {
        DatasetVersion version = new DatasetVersion();
        version.id = EntityIds.next("dsv");
        version.tenantId = tenantId;
        version.datasetId = dataset.id;
        version.version = dataset.latestVersion + 1;
        version.encoding = ExampleCheck.ENCODING;
        version.createdAt = clock.instant();
        version.findings = "[]";
        version.status = DatasetVersion.Status.REJECTED;
        em.persist(version);

        ExampleCheck check = new ExampleCheck(dataset.method);
        SeededSplitter splitter = new SeededSplitter(splitConfig.seed(), splitConfig.testPercent(), splitConfig.validationPercent());
        List<Finding> kept = new ArrayList<>();
        Map<String, Long> countsByCode = new LinkedHashMap<>();
        Map<Split, long[]> perSplit = new EnumMap<>(Split.class);
        long errors = 0;
        long valid = 0;
        long lineNo = 0;
        try (BufferedReader reader = strictUtf8(upload)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue;
                }
                ExampleCheck.Result result = check.check(lineNo, line);
                for (Finding finding : result.findings()) {
                    countsByCode.merge(finding.code(), 1L, Long::sum);
                    if (finding.isError()) {
                        errors++;
                    }
                    if (kept.size() < MAX_KEPT_FINDINGS) {
                        kept.add(finding);
                    }
                }
                if (result.example().isPresent()) {
                    ExampleCheck.CheckedExample example = result.example().get();
                    Split split = splitter.assign(example.prompt());
                    DatasetExample row = new DatasetExample();
                    row.key = new DatasetExample.Key(version.id, lineNo);
                    row.split = split.wireName();
                    row.tokens = example.tokens();
                    row.content = example.content();
                    em.persist(row);
                    long[] stats = perSplit.computeIfAbsent(split, s -> new long[2]);
                    stats[0]++;
                    stats[1] += example.tokens();
                    valid++;
                    if (valid % FLUSH_EVERY == 0) {
                        em.flush();
                        em.clear();
                    }
                }
            }
        } catch (MalformedInputException e) {
            throw ApiProblem.badRequest("Upload is not UTF-8",
                    "The upload contains bytes that are not valid UTF-8 after line " + lineNo
                            + ". Re-encode the file as UTF-8 (e.g. iconv -t UTF-8) and upload it again.");
        } catch (IOException e) {
            throw new UncheckedIOException("reading the upload failed after line " + lineNo, e);
        }
        if (valid + errors == 0) {
            throw ApiProblem.badRequest("Empty upload", "The upload has no examples: send JSONL, one JSON object per line.");
        }
        if (valid < MIN_EXAMPLES && errors == 0) {
            Finding tooFew = Finding.error("too_few_examples", 0, "only " + valid + " examples; fine-tuning needs at least "
                    + MIN_EXAMPLES + " (50 or more is recommended)");
            kept.add(tooFew);
            countsByCode.merge(tooFew.code(), 1L, Long::sum);
            errors++;
        }

        // The version row may have been detached by a batch clear: reattach before updating it.
        version = em.find(DatasetVersion.class, version.id);
        version.exampleCount = valid;
        version.errorCount = errors;
        // The engine's errors (tool calls, vision, special tokens, PII secrets ...) reject the version as well.
        for (FindingTally tally : report.findings()) {
            if (tally.severity() == Severity.ERROR && !countsByCode.containsKey(tally.code())) {
                countsByCode.put(tally.code(), tally.count());
                errors += tally.count();
                tally.examples().stream().limit(5)
                        .map(f -> Finding.error(f.code(), f.line(), f.describe()))
                        .forEach(kept::add);
            } else if (tally.severity() == Severity.WARNING && !countsByCode.containsKey(tally.code())) {
                countsByCode.put(tally.code(), tally.count());
                tally.examples().stream().limit(1)
                        .map(f -> Finding.warning(f.code(), f.line(), f.describe()))
                        .forEach(kept::add);
            }
        }
        version.findings = write(kept);
        version.report = engine.toJson(report);
        dataset = em.find(Dataset.class, dataset.id);
        dataset.latestVersion = version.version;

        if (errors > 0) {
            version.status = DatasetVersion.Status.REJECTED;
            em.createQuery("delete from DatasetExample e where e.key.versionId = ?1").setParameter(1, version.id).executeUpdate();
            outbox.publish(tenantId, new DatasetRejected(dataset.id, version.id, version.version, dataset.name, errors,
                    kept.stream().filter(Finding::isError).limit(10)
                            .map(f -> new DatasetRejected.LineError(f.code(), f.line(), f.message())).toList()));
        } else {
            version.status = DatasetVersion.Status.VALIDATED;
            long[] train = perSplit.getOrDefault(Split.TRAIN, new long[2]);
            version.billableTokens = train[1];
            List<SplitSummary> splits = new ArrayList<>();
            for (Split split : Split.values()) {
                long[] stats = perSplit.getOrDefault(split, new long[2]);
                splits.add(new SplitSummary(split.wireName(), stats[0], stats[1],
                        "/api/v1/datasets/" + dataset.id + "/versions/" + version.version + "/splits/" + split.wireName()));
            }
            List<FindingCount> warnings = kept.stream().filter(f -> !f.isError()).map(Finding::code).distinct()
                    .map(code -> new FindingCount(code, countsByCode.get(code))).toList();
            outbox.publish(tenantId, new DatasetValidated(dataset.id, version.id, version.version, dataset.name,
                    dataset.method, valid, version.encoding, version.billableTokens, splits, warnings));
        }
        return version;
    }

    private static BufferedReader strictUtf8(InputStream in) {
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)), 1 << 16);
    }

    private String write(List<Finding> findings) {
        try {
            return json.writeValueAsString(findings);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("findings are plain records and always serialize", e);
        }
    }
}
