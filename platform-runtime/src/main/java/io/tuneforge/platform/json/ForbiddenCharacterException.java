package io.tuneforge.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON string (a value or a field name) holds a character the platform cannot store: the NUL
 * character {@code \u0000}, which PostgreSQL refuses in {@code text} and {@code jsonb} alike. Raised
 * while the request body is read, so nothing is half written; answered as a 400 naming the field.
 */
public class ForbiddenCharacterException extends MismatchedInputException {

    public ForbiddenCharacterException(JsonParser parser, String message) {
        super(parser, message, String.class);
    }
}
