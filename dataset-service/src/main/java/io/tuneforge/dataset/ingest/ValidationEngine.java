package io.tuneforge.dataset.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.dataset.validation.DatasetValidator;
import io.tuneforge.dataset.validation.ExampleObserver;
import io.tuneforge.dataset.validation.ValidationOptions;
import io.tuneforge.dataset.validation.report.ValidationReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.tuneforge.dataset.validation.report.FindingCode;
import io.tuneforge.dataset.validation.report.FindingTally;
import io.tuneforge.dataset.validation.report.Severity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.io.InputStream;
import java.nio.file.Files;

/**
 * The dataset-validation engine as this service runs it: default options (o200k_base, the
 * gpt-4o-mini per-example limit) with this service's line limit ({@code tuneforge.dataset.ingest.max-line-size}),
 * the report stored as JSON in the API's snake_case.
 */
@ApplicationScoped
public class ValidationEngine {

    private final ObjectMapper json;
    private final ContentBounds bounds;
    private final ValidationOptions options;
    private final DatasetValidator validator;

    @Inject
    ValidationEngine(ObjectMapper json, IngestConfig config) {
        this.json = json;
        this.bounds = ContentBounds.of(config);
        this.options = ValidationOptions.defaults().withMaxLineBytes(bounds.maxLineBytes());
        this.validator = new DatasetValidator(options);
    }

    /** The configured bounds every version's content is checked against before it is validated. */
    ContentBounds bounds() {
        return bounds;
    }

    /** Validates the spooled upload; every example's signals go to {@code examples}, in file order. */
    ValidationReport validate(UploadSpool spool, ExampleObserver examples) throws IOException {
        try (InputStream in = Files.newInputStream(spool.file())) {
            return validator.validate(in, spool.file().toString(), examples);
        }
    }

    /**
     * The ERROR finding codes of one example judged on its own ({@code too_few_examples} and other whole-file rules
     * do not apply to one line); empty when the example is clean. Feedback pairs are checked with it before they are
     * kept, so a pair the engine would reject never holds back a version made of many good ones.
     */
    public List<String> exampleErrors(String line) {
        boolean[] clean = {false};
        ValidationReport report;
        try {
            report = validator.validate(new ByteArrayInputStream((line + "\n").getBytes(StandardCharsets.UTF_8)), "feedback-pair",
                    example -> clean[0] = example.clean());
        } catch (IOException e) {
            throw new UncheckedIOException("reading an in-memory line cannot fail", e);
        }
        if (clean[0]) {
            return List.of();
        }
        List<String> codes = report.findings().stream()
                .filter(f -> f.severity() == Severity.ERROR && !FindingCode.TOO_FEW_EXAMPLES.code().equals(f.code()))
                .map(FindingTally::code).toList();
        return codes.isEmpty() ? List.of("invalid_example") : codes;
    }

    /** The tokenizer every count of this service is in. */
    String encoding() {
        return options.encoding().id();
    }

    /** The longest line the validator reads; the storage pass splits lines with the same limit. */
    int maxLineBytes() {
        return options.maxLineBytes();
    }

    String toJson(ValidationReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("validation reports are plain records and always serialize", e);
        }
    }
}
