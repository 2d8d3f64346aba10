package io.tuneforge.dataset.validation.pii;

/** The Luhn (mod 10) checksum of payment card numbers: it rules out ~90% of random digit runs. */
final class Luhn {

    private Luhn() {
    }

    static boolean isValid(CharSequence digits) {
        int sum = 0;
        boolean doubleIt = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (doubleIt) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            doubleIt = !doubleIt;
        }
        return sum % 10 == 0;
    }
}
