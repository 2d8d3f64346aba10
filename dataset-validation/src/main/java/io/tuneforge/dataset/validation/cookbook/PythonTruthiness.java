package io.tuneforge.dataset.validation.cookbook;

import com.fasterxml.jackson.databind.JsonNode;

/** The notebook tests {@code not messages}, {@code not content}: Python truthiness of a JSON value. */
final class PythonTruthiness {

    private PythonTruthiness() {
    }

    /** None, False, 0, 0.0, "", [] and {} are falsy; a missing key behaves like None. */
    static boolean isFalsy(JsonNode v) {
        if (v == null || v.isNull() || v.isMissingNode()) {
            return true;
        }
        if (v.isBoolean()) {
            return !v.booleanValue();
        }
        if (v.isNumber()) {
            return v.isIntegralNumber() ? v.bigIntegerValue().signum() == 0 : v.doubleValue() == 0.0;
        }
        if (v.isTextual()) {
            return v.textValue().isEmpty();
        }
        if (v.isContainerNode()) {
            return v.isEmpty();
        }
        return false;
    }
}
