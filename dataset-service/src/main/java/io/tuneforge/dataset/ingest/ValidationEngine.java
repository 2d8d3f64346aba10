package io.tuneforge.dataset.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.dataset.validation.DatasetValidator;
import io.tuneforge.dataset.validation.ValidationOptions;
import io.tuneforge.dataset.validation.report.ValidationReport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;

/**
 * The dataset-validation engine as this service runs it: default options (o200k_base, the
 * gpt-4o-mini per-example limit), the report stored as JSON in the API's snake_case.
 */
@ApplicationScoped
public class ValidationEngine {

    @Inject
    ObjectMapper json;

    private final DatasetValidator validator = new DatasetValidator(ValidationOptions.defaults());

    ValidationReport validate(UploadSpool spool) throws IOException {
        return validator.validate(spool.file());
    }

    String toJson(ValidationReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("validation reports are plain records and always serialize", e);
        }
    }
}
