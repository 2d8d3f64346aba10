package io.tuneforge.eval.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Whether an answer has the required format: valid JSON, JSON valid against a JSON Schema (validated
 * by networknt's json-schema-validator, draft 2020-12 unless the schema says otherwise), or a full
 * match of a regular expression. A failed check says why, for the report's failure groups.
 */
public sealed interface FormatCheck {

    /** Empty when the answer complies, else the reason it does not. */
    Optional<String> violation(String answer);

    ObjectMapper JSON = new ObjectMapper();

    static FormatCheck json() {
        return new Json();
    }

    static FormatCheck jsonSchema(String schemaJson) {
        return new JsonSchema(schemaJson);
    }

    static FormatCheck regex(String pattern) {
        return new Regex(pattern);
    }

    record Json() implements FormatCheck {
        @Override
        public Optional<String> violation(String answer) {
            try {
                JsonNode node = JSON.readTree(answer == null ? "" : answer);
                return node == null || node.isMissingNode() ? Optional.of("empty answer, expected JSON") : Optional.empty();
            } catch (Exception e) {
                return Optional.of("not valid JSON: " + firstLine(e.getMessage()));
            }
        }
    }

    final class JsonSchema implements FormatCheck {
        private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
        private final Schema schema;

        JsonSchema(String schemaJson) {
            try {
                this.schema = SCHEMAS.getSchema(schemaJson, InputFormat.JSON);
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("the format's JSON Schema is not valid: " + firstLine(e.getMessage()), e);
            }
        }

        @Override
        public Optional<String> violation(String answer) {
            Optional<String> notJson = new Json().violation(answer);
            if (notJson.isPresent()) {
                return notJson;
            }
            List<Error> errors = schema.validate(answer, InputFormat.JSON);
            return errors.isEmpty() ? Optional.empty()
                    : Optional.of("does not match the schema: " + errors.get(0).getMessage()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : ""));
        }
    }

    final class Regex implements FormatCheck {
        private final Pattern pattern;

        Regex(String regex) {
            try {
                this.pattern = Pattern.compile(regex, Pattern.DOTALL);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("the format's regular expression is not valid: " + e.getDescription(), e);
            }
        }

        @Override
        public Optional<String> violation(String answer) {
            return pattern.matcher(answer == null ? "" : answer.strip()).matches() ? Optional.empty()
                    : Optional.of("does not match /" + pattern.pattern() + "/");
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
