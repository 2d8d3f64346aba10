package io.tuneforge.dataset.validation.imports;

/**
 * The file as a whole cannot be imported: its format is not one the importer converts (already OpenAI JSONL, a
 * grader config, raw text) or no record could be recognised. Individual bad records never throw: they are skipped
 * and listed in {@link ImportResult#skipped()}.
 */
public class ImportException extends IllegalArgumentException {

    public ImportException(String message) {
        super(message);
    }
}
