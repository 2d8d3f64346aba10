package io.tuneforge.dataset.validation.pii;

import io.tuneforge.dataset.validation.report.FindingCode;

/** Kinds of personal data and credentials the scanner recognises, each with its finding code. */
public enum PiiKind {
    EMAIL("an email address", FindingCode.PII_EMAIL),
    PHONE("a phone number", FindingCode.PII_PHONE),
    CARD_NUMBER("a payment card number (Luhn-valid)", FindingCode.PII_CARD_NUMBER),
    IBAN("an IBAN (checksum-valid)", FindingCode.PII_IBAN),
    NATIONAL_ID("a US social security number", FindingCode.PII_NATIONAL_ID),
    IP_ADDRESS("an IP address", FindingCode.PII_IP_ADDRESS),
    SECRET("an API key or private key", FindingCode.SECRET);

    private final String description;
    private final FindingCode code;

    PiiKind(String description, FindingCode code) {
        this.description = description;
        this.code = code;
    }

    public String description() {
        return description;
    }

    public FindingCode code() {
        return code;
    }
}
