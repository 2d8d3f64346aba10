package io.tuneforge.dataset.validation.pii;

import io.tuneforge.dataset.validation.report.FindingCode;

/** Kinds of personal data and credentials the scanner recognises, each with its finding code. */
public enum PiiKind {
    EMAIL("an email address", FindingCode.PII_EMAIL, "[EMAIL]"),
    PHONE("a phone number", FindingCode.PII_PHONE, "[PHONE]"),
    CARD_NUMBER("a payment card number (Luhn-valid)", FindingCode.PII_CARD_NUMBER, "[CARD]"),
    IBAN("an IBAN (checksum-valid)", FindingCode.PII_IBAN, "[IBAN]"),
    NATIONAL_ID("a US social security number", FindingCode.PII_NATIONAL_ID, "[NATIONAL_ID]"),
    IP_ADDRESS("an IP address", FindingCode.PII_IP_ADDRESS, "[IP]"),
    SECRET("an API key or private key", FindingCode.SECRET, "[SECRET]");

    private final String description;
    private final FindingCode code;
    private final String placeholder;

    PiiKind(String description, FindingCode code, String placeholder) {
        this.description = description;
        this.code = code;
        this.placeholder = placeholder;
    }

    /** What {@link PiiRedactor} writes in place of the value, e.g. "[EMAIL]". */
    public String placeholder() {
        return placeholder;
    }

    public String description() {
        return description;
    }

    public FindingCode code() {
        return code;
    }
}
