package io.tuneforge.dataset.validation.pii;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds personal data and credentials in training text in one pass over the characters: an '@', a run of
 * digits, two capitals followed by two digits or a known key prefix marks a candidate, and only the candidate's
 * neighbourhood is examined (with a pattern where the shape is fiddly). Scanning whole texts with a set of
 * regexes costs more than tokenizing them. Checksums (Luhn, IBAN mod 97) and range rules keep false positives on
 * ids, versions and prices low. Phone numbers are confirmed by Google's libphonenumber ({@code findNumbers},
 * leniency VALID: the number must be valid for its region's numbering plan), with national numbers read in the
 * configured default region. Thread-safe.
 */
public final class PiiScanner {

    /** Region for national phone numbers (written without +country code) when none is configured. */
    public static final String DEFAULT_PHONE_REGION = "US";
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    private static final Set<String> DOCUMENTATION_DOMAINS = Set.of("example.com", "example.org", "example.net");
    /** The shortest national significant numbers in use have 7 digits; fewer are never a phone number. */
    private static final int MIN_PHONE_DIGITS = 7;
    private static final Pattern CARD = Pattern.compile("(?<![\\d.+-])(?:\\d[ -]?){12,18}\\d(?![\\d.-]?\\d)");
    private static final Pattern IBAN = Pattern.compile("[A-Z]{2}\\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\\b");
    private static final Pattern SSN = Pattern.compile("(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\d-])");
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\w.])((?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\."
                    + "(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.(?:25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d))(?!\\w|\\.\\d)");
    private static final Pattern SECRET = Pattern.compile(
            "sk-(?:proj-|svcacct-|admin-|ant-)?[A-Za-z0-9_-]{20,}"
                    + "|(?:AKIA|ASIA)[0-9A-Z]{16}\\b"
                    + "|gh[pousr]_[A-Za-z0-9]{36,}"
                    + "|github_pat_[A-Za-z0-9_]{22,}"
                    + "|xox[abprs]-[A-Za-z0-9-]{10,}"
                    + "|AIza[0-9A-Za-z_-]{35}"
                    + "|[rs]k_live_[0-9A-Za-z]{24,}"
                    + "|-----BEGIN (?:[A-Z]+ )?PRIVATE KEY-----");
    private static final int SECRET_WINDOW = 512;
    /** Characters that can begin something worth a closer look: digits, '@', capitals, and key prefixes. */
    private static final boolean[] CANDIDATE_START = new boolean[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            CANDIDATE_START[c] = true;
        }
        for (char c = 'A'; c <= 'Z'; c++) {
            CANDIDATE_START[c] = true;
        }
        for (char c : "@srgx-".toCharArray()) {
            CANDIDATE_START[c] = true;
        }
    }
    private static final int MAX_MATCHES_PER_TEXT = 5;

    private final String phoneRegion;

    public PiiScanner() {
        this(DEFAULT_PHONE_REGION);
    }

    /** @param phoneRegion ISO 3166 region (e.g. "US", "DE", "GB") for phone numbers written without a country code */
    public PiiScanner(String phoneRegion) {
        if (phoneRegion == null || !PHONES.getSupportedRegions().contains(phoneRegion)) {
            throw new IllegalArgumentException("unknown phone region '" + phoneRegion + "': use an ISO 3166 code such as US, GB, DE");
        }
        this.phoneRegion = phoneRegion;
    }

    public String phoneRegion() {
        return phoneRegion;
    }

    /** The first few hits: evidence for a report. */
    public List<PiiMatch> scan(String text) {
        return scan(text, text.toCharArray());
    }

    /** Every hit, in text order, without overlaps: what a redactor must replace. */
    public List<PiiMatch> scanAll(String text) {
        List<PiiMatch> all = scan(text, text.toCharArray(), Integer.MAX_VALUE);
        if (all.size() > 1) {
            all = new ArrayList<>(all);
            all.sort(java.util.Comparator.comparingInt(PiiMatch::start));
        }
        return all;
    }

    /** @param chars the chars of {@code text}, when the caller already has them */
    public List<PiiMatch> scan(String text, char[] chars) {
        return scan(text, chars, MAX_MATCHES_PER_TEXT);
    }

    private List<PiiMatch> scan(String text, char[] chars, int limit) {
        Hits hits = new Hits(limit);
        int n = chars.length;
        for (int i = 0; i < n && hits.room(); i++) {
            char c = chars[i];
            if (c >= 0x80 || !CANDIDATE_START[c]) {
                continue; // most characters start nothing: one table lookup
            }
            if (c >= '0' && c <= '9') {
                i = number(text, i, hits) - 1;
            } else if (c == '@') {
                email(text, i, hits);
            } else if (c >= 'A' && c <= 'Z') {
                if (i + 3 < n && isUpper(chars[i + 1]) && isDigit(chars[i + 2]) && isDigit(chars[i + 3])
                        && (i == 0 || !Character.isLetterOrDigit(chars[i - 1]))) {
                    iban(text, i, hits);
                }
                if (c == 'A' && (text.startsWith("AKIA", i) || text.startsWith("ASIA", i) || text.startsWith("AIza", i))) {
                    secret(text, i, hits);
                }
            } else if (i + 3 < n && keyPrefix(text, chars, c, i)) {
                secret(text, i, hits);
            }
        }
        return hits.list == null ? List.of() : hits.list;
    }

    /**
     * Whether a key prefix (sk-, sk_live_, rk_live_, gh?_, github_pat_, xox, -----BEGIN) starts at {@code i}; the
     * second character decides most lowercase letters at once, since 's', 'r', 'g' and 'x' are everywhere in prose.
     */
    private static boolean keyPrefix(String text, char[] chars, char c, int i) {
        char next = chars[i + 1];
        return switch (c) {
            case 's' -> next == 'k' && (chars[i + 2] == '-' || text.startsWith("_live_", i + 2));
            case 'r' -> next == 'k' && text.startsWith("_live_", i + 2);
            case 'g' -> next == 'h' && (chars[i + 3] == '_' || text.startsWith("github_pat_", i));
            case 'x' -> next == 'o' && chars[i + 2] == 'x';
            case '-' -> next == '-' && text.startsWith("-----BEGIN ", i);
            default -> false;
        };
    }

    /** Examines the run of digits and separators starting at {@code from}; returns where it ends. */
    private int number(String text, int from, Hits hits) {
        int n = text.length();
        int end = from;
        int digits = 0;
        while (end < n) {
            char c = text.charAt(end);
            if (isDigit(c)) {
                digits++;
                end++;
            } else if ((c == ' ' || c == '-' || c == '.' || c == '(' || c == ')') && end + 1 < n
                    && (isDigit(text.charAt(end + 1)) || text.charAt(end + 1) == '(' || c == ')' && text.charAt(end + 1) == ' ')) {
                end++;
            } else {
                break;
            }
        }
        int start = from > 0 && (text.charAt(from - 1) == '+' || text.charAt(from - 1) == '(') ? from - 1 : from;
        if (digits >= 4 && text.indexOf('.', from) >= 0 && text.indexOf('.', from) < end) {
            ipAddress(text, start, end, hits);
        }
        if (digits >= 9) {
            find(SSN, text, start, end, hits, PiiKind.NATIONAL_ID);
            cards(text, start, end, hits);
        }
        if (digits >= MIN_PHONE_DIGITS) {
            phones(text, start, end, hits);
        }
        return Math.max(end, from + 1);
    }

    private static void ipAddress(String text, int start, int end, Hits hits) {
        Matcher m = region(IPV4, text, start, end);
        while (m.find() && hits.room()) {
            String ip = m.group(1);
            if (ip.startsWith("0.") || ip.startsWith("127.") || ip.startsWith("255.") || ip.startsWith("192.0.2.")
                    || ip.startsWith("198.51.100.") || ip.startsWith("203.0.113.")) {
                continue; // unspecified, loopback, broadcast and RFC 5737 documentation ranges are not personal
            }
            hits.add(PiiKind.IP_ADDRESS, ip.substring(0, ip.indexOf('.') + 1) + "*.*.*", m.start(1), m.end(1));
        }
    }

    private static void cards(String text, int start, int end, Hits hits) {
        Matcher m = region(CARD, text, start, end);
        while (m.find() && hits.room()) {
            String compact = m.group().replace(" ", "").replace("-", "");
            char first = compact.charAt(0);
            if (compact.length() >= 13 && compact.length() <= 19 && first >= '2' && first <= '6' && Luhn.isValid(compact)) {
                hits.add(PiiKind.CARD_NUMBER, "**** " + compact.substring(compact.length() - 4), m.start(), m.end());
            }
        }
    }

    /**
     * Hands the run of digits to libphonenumber. A run glued to a word, an '=' or a path ("id123...", "x=...",
     * "/v2/4155550132") is an identifier, and one followed by '=' or an operator is arithmetic ("28980-18480=10500"),
     * not something a person wrote as a phone number.
     */
    private void phones(String text, int start, int end, Hits hits) {
        if (start > 0 && isIdentifierGlue(text.charAt(start - 1)) || end < text.length() && isFollowerOfNonPhone(text.charAt(end))
                || isIsoDate(text, start, end)) {
            return;
        }
        for (PhoneNumberMatch m : PHONES.findNumbers(text.substring(start, end), phoneRegion, PhoneNumberUtil.Leniency.VALID, Long.MAX_VALUE)) {
            int s = start + m.start();
            int e = start + m.end();
            if (!hits.room()) {
                return;
            }
            if (!hits.overlaps(s, e)) {
                String national = Long.toString(m.number().getNationalNumber());
                hits.add(PiiKind.PHONE, "***" + national.substring(Math.max(0, national.length() - 3)), s, e);
            }
        }
    }

    /**
     * "2024-03-01": dates are everywhere in logs, code and tickets, nobody groups a phone number 4-2-2 with dashes, and
     * asking libphonenumber about each one was a tenth of the validator's time on such data.
     */
    static boolean isIsoDate(String text, int start, int end) {
        if (end - start != 10 || text.charAt(start + 4) != '-' || text.charAt(start + 7) != '-') {
            return false;
        }
        for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9}) {
            if (!isDigit(text.charAt(start + i))) {
                return false;
            }
        }
        int month = (text.charAt(start + 5) - '0') * 10 + text.charAt(start + 6) - '0';
        int day = (text.charAt(start + 8) - '0') * 10 + text.charAt(start + 9) - '0';
        return month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    private static boolean isFollowerOfNonPhone(char c) {
        return Character.isLetter(c) || c == '=' || c == '*' || c == '/' || c == '+' || c == '%' || c == '_';
    }

    private static boolean isIdentifierGlue(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '=' || c == '/' || c == '.' || c == '-' || c == '#';
    }

    private static void iban(String text, int at, Hits hits) {
        Matcher m = region(IBAN, text, at, Math.min(text.length(), at + 42));
        if (m.lookingAt()) {
            String compact = m.group().replace(" ", "");
            if (Iban.isValid(compact)) {
                hits.add(PiiKind.IBAN, compact.substring(0, 4) + "****" + compact.substring(compact.length() - 4), m.start(), m.end());
            }
        }
    }

    private static void secret(String text, int at, Hits hits) {
        if (at > 0 && Character.isLetterOrDigit(text.charAt(at - 1)) && text.charAt(at) != '-') {
            return; // inside a longer word ("task-...", "DATASIA...")
        }
        Matcher m = region(SECRET, text, at, Math.min(text.length(), at + SECRET_WINDOW));
        if (m.lookingAt()) {
            String value = m.group();
            hits.add(PiiKind.SECRET, value.substring(0, Math.min(4, value.length() / 4)) + "…(" + value.length() + " chars)", m.start(), m.end());
        }
    }

    private static void email(String text, int at, Hits hits) {
        int left = at;
        while (left > 0 && isLocalPart(text.charAt(left - 1))) {
            left--;
        }
        int right = at + 1;
        while (right < text.length() && isDomainPart(text.charAt(right))) {
            right++;
        }
        while (right > at + 1 && (text.charAt(right - 1) == '.' || text.charAt(right - 1) == '-')) {
            right--;
        }
        if (left == at || right <= at + 1) {
            return;
        }
        String domain = text.substring(at + 1, right).toLowerCase(Locale.ROOT);
        int dot = domain.lastIndexOf('.');
        if (dot <= 0 || domain.length() - dot - 1 < 2 || !domain.substring(dot + 1).chars().allMatch(Character::isLetter)) {
            return;
        }
        if (DOCUMENTATION_DOMAINS.contains(domain) || domain.endsWith(".example") || domain.endsWith(".test")
                || domain.endsWith(".invalid") || domain.endsWith(".localhost")) {
            return;
        }
        hits.add(PiiKind.EMAIL, text.charAt(left) + "***@" + domain, left, right);
    }

    private static void find(Pattern pattern, String text, int start, int end, Hits hits, PiiKind kind) {
        Matcher m = region(pattern, text, start, end);
        while (m.find() && hits.room()) {
            String v = m.group();
            hits.add(kind, "***-**-" + v.substring(v.length() - 4), m.start(), m.end());
        }
    }

    private static Matcher region(Pattern pattern, String text, int start, int end) {
        Matcher m = pattern.matcher(text);
        m.region(start, end);
        m.useTransparentBounds(true); // look-behind/ahead see the surrounding text
        m.useAnchoringBounds(false);
        return m;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isUpper(char c) {
        return c >= 'A' && c <= 'Z';
    }

    private static boolean isLocalPart(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-');
    }

    private static boolean isDomainPart(char c) {
        return c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '-');
    }

    /** The hits of one text, up to a limit (a report wants evidence, not an inventory; a redactor wants all). */
    private static final class Hits {
        final int limit;
        List<PiiMatch> list;

        Hits(int limit) {
            this.limit = limit;
        }

        boolean room() {
            return list == null || list.size() < limit;
        }

        boolean overlaps(int start, int end) {
            if (list != null) {
                for (PiiMatch m : list) {
                    if (m.start() < end && start < m.end()) {
                        return true;
                    }
                }
            }
            return false;
        }

        void add(PiiKind kind, String masked, int start, int end) {
            if (overlaps(start, end)) {
                return; // a card number is not also a phone number
            }
            if (list == null) {
                list = new ArrayList<>(2);
            }
            list.add(new PiiMatch(kind, masked, start, end));
        }
    }
}
