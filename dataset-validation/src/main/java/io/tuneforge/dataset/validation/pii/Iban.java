package io.tuneforge.dataset.validation.pii;

/** ISO 13616 IBAN check: the number rearranged and read in base 36 must be 1 modulo 97. */
final class Iban {

    private Iban() {
    }

    static boolean isValid(String compact) {
        int n = compact.length();
        if (n < 15 || n > 34) {
            return false;
        }
        String rearranged = compact.substring(4) + compact.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            int v;
            if (c >= '0' && c <= '9') {
                v = c - '0';
                remainder = (remainder * 10 + v) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                v = c - 'A' + 10;
                remainder = (remainder * 100 + v) % 97;
            } else {
                return false;
            }
        }
        return remainder == 1;
    }
}
