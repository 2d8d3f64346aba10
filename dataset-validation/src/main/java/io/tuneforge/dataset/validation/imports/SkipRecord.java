package io.tuneforge.dataset.validation.imports;

/** Thrown by a converter for a record it cannot convert; the importer reports the line and reason and goes on. */
final class SkipRecord extends Exception {

    SkipRecord(String reason) {
        super(reason, null, false, false); // control flow, not a failure: no stack trace
    }
}
