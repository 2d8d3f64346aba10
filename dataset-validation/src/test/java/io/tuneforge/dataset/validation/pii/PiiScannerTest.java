package io.tuneforge.dataset.validation.pii;

import static io.tuneforge.dataset.validation.Datasets.chat;
import static io.tuneforge.dataset.validation.Datasets.distinctChats;
import static io.tuneforge.dataset.validation.Datasets.findings;
import static io.tuneforge.dataset.validation.Datasets.validate;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tuneforge.dataset.validation.ValidationOptions;
import io.tuneforge.dataset.validation.report.Finding;
import io.tuneforge.dataset.validation.report.Severity;
import io.tuneforge.dataset.validation.report.ValidationReport;
import java.util.List;
import org.junit.jupiter.api.Test;

class PiiScannerTest {

    private final PiiScanner scanner = new PiiScanner();

    private List<PiiKind> kinds(String text) {
        return scanner.scan(text).stream().map(PiiMatch::kind).toList();
    }

    @Test
    void emails() {
        assertThat(scanner.scan("write to jane.doe@acme-corp.com today")).singleElement()
                .isEqualTo(new PiiMatch(PiiKind.EMAIL, "j***@acme-corp.com", 9, 31));
        assertThat(kinds("see user@example.com or a@b or @handle")).isEmpty();
    }

    @Test
    void phoneNumbers() {
        assertThat(kinds("call +1 415-555-0132 now")).containsExactly(PiiKind.PHONE);
        assertThat(kinds("call (415) 555-0132")).containsExactly(PiiKind.PHONE);
        assertThat(kinds("+4915112345678")).containsExactly(PiiKind.PHONE);
        assertThat(kinds("on 2023-10-05 we sold 1234 units at 12.50")).isEmpty();
        // dates are skipped before libphonenumber; a number next to one is still found
        assertThat(kinds("due 2024-03-01, call 415-555-0132")).containsExactly(PiiKind.PHONE);
        assertThat(PiiScanner.isIsoDate("x 2024-03-01", 2, 12)).isTrue();
        assertThat(PiiScanner.isIsoDate("x 2024-13-01", 2, 12)).isFalse();
        assertThat(PiiScanner.isIsoDate("x 415-555-0132", 2, 14)).isFalse();
        assertThat(kinds("London office: +44 20 7946 0958")).containsExactly(PiiKind.PHONE);
        // libphonenumber checks the numbering plan: 555-0132 shapes without a valid area code are not numbers
        assertThat(kinds("call (099) 555-0132")).isEmpty();
        assertThat(kinds("order 4155550132x and id=4155550132 and /v1/4155550132")).isEmpty();
        assertThat(kinds("left 28980 - 18480 = <<28980-18480=10500>>10500")).isEmpty(); // GSM8K arithmetic, not a number
    }

    @Test
    void nationalPhoneNumbersAreReadInTheConfiguredRegion() {
        List<PiiMatch> german = new PiiScanner("DE").scan("ruf an: 030 9018200");
        assertThat(german).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(PiiKind.PHONE);
            assertThat(m.masked()).isEqualTo("***200");
            assertThat("ruf an: 030 9018200".substring(m.start(), m.end())).isEqualTo("030 9018200");
        });
        assertThat(scanner.scan("ruf an: 030 9018200")).isEmpty();
        assertThatThrownBy(() -> new PiiScanner("XX")).hasMessageContaining("unknown phone region");
        String line = chat("Bitte ruf mich an: 030 9018200", "Mache ich.");
        assertThat(findings(validate(distinctChats(50) + line + "\n", ValidationOptions.defaults().withPhoneRegion("DE")), "pii_phone"))
                .extracting(Finding::line).containsExactly(51L);
        assertThat(findings(validate(distinctChats(50) + line + "\n"), "pii_phone")).isEmpty();
    }

    @Test
    void scanAllReturnsEveryHitWithItsSpanInTextOrder() {
        String text = "a@corp.io, b@corp.io, c@corp.io, d@corp.io, e@corp.io, f@corp.io, call 212-555-7890";
        assertThat(scanner.scan(text)).hasSize(5);
        List<PiiMatch> all = scanner.scanAll(text);
        assertThat(all).hasSize(7);
        assertThat(all).extracting(m -> text.substring(m.start(), m.end())).first().isEqualTo("a@corp.io");
        assertThat(all).extracting(m -> text.substring(m.start(), m.end())).last().isEqualTo("212-555-7890");
    }

    @Test
    void cardNumbersNeedLuhn() {
        assertThat(kinds("card 4111 1111 1111 1111 exp 12/27")).containsExactly(PiiKind.CARD_NUMBER);
        assertThat(kinds("card 4111 1111 1111 1112")).isEmpty();
        assertThat(kinds("order id 1234567890123456")).isEmpty();
    }

    @Test
    void ibansNeedTheirChecksum() {
        assertThat(kinds("pay to GB82 WEST 1234 5698 7654 32 please")).containsExactly(PiiKind.IBAN);
        assertThat(kinds("DE89370400440532013000")).containsExactly(PiiKind.IBAN);
        assertThat(kinds("DE89370400440532013001")).isEmpty();
    }

    @Test
    void nationalIdsAndIpAddresses() {
        assertThat(kinds("SSN 123-45-6789")).containsExactly(PiiKind.NATIONAL_ID);
        assertThat(kinds("SSN 000-45-6789")).isEmpty();
        assertThat(kinds("server at 10.20.30.40 responded")).containsExactly(PiiKind.IP_ADDRESS);
        assertThat(kinds("docs use 192.0.2.1 and 127.0.0.1; version 1.2.3.4.5")).isEmpty();
    }

    @Test
    void secrets() {
        assertThat(kinds("OPENAI_API_KEY=sk-proj-abcdefghijklmnopqrstuvwxyz012345")).containsExactly(PiiKind.SECRET);
        assertThat(kinds("aws AKIAIOSFODNN7EXAMPLE")).containsExactly(PiiKind.SECRET);
        assertThat(kinds("token ghp_abcdefghijklmnopqrstuvwxyz0123456789")).containsExactly(PiiKind.SECRET);
        assertThat(kinds("-----BEGIN RSA PRIVATE KEY-----\nMIIE")).containsExactly(PiiKind.SECRET);
        assertThat(kinds("the task-runner and ask-me flags")).isEmpty();
    }

    @Test
    void secretsAreErrorsAndPiiWarningsWithMaskedEvidence() {
        ValidationReport r = validate(distinctChats(50)
                + chat("my key is sk-abcdefghijklmnopqrstuvwxyz0123 and mail bob@corp.io", "Thanks, noted.") + "\n");
        Finding secret = findings(r, "secret").get(0);
        assertThat(secret.severity()).isEqualTo(Severity.ERROR);
        assertThat(secret.path()).isEqualTo("messages[1].content");
        assertThat(secret.message()).doesNotContain("abcdefghijklmnop");
        assertThat(findings(r, "pii_email").get(0).severity()).isEqualTo(Severity.WARNING);
    }
}
