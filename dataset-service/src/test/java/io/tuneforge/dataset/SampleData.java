package io.tuneforge.dataset;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** Small JSONL uploads written by the tests themselves. */
final class SampleData {

    private SampleData() {
    }

    /** RestAssured has no encoder for application/jsonl; bytes go through as they are. */
    static byte[] bytes(String jsonl) {
        return jsonl.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static String supervised(int examples) {
        return IntStream.range(0, examples)
                .mapToObj(i -> "{\"messages\":[{\"role\":\"system\",\"content\":\"Classify the ticket.\"},"
                        + "{\"role\":\"user\",\"content\":\"Ticket " + i + ": my invoice " + i + " is wrong\"},"
                        + "{\"role\":\"assistant\",\"content\":\"" + (i % 2 == 0 ? "billing" : "refund") + "\"}]}")
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static final String[] WORDS = ("account address annual balance bank billing branch card charge checkout code "
            + "coupon credit customer debit delivery deposit discount email error fee fraud gift invoice item late "
            + "limit login mobile monthly online order package password payment phone plan premium price receipt "
            + "refund renewal return shipping statement store subscription tax transfer upgrade wallet warranty").split(" ");

    /** The category of ticket {@code i}: 10% fraud, 30% refund, 60% billing. */
    static String label(int i) {
        return i % 10 == 0 ? "fraud" : i % 10 < 4 ? "refund" : "billing";
    }

    /** One support ticket; ticket i has the same text in every file, and its wording differs from every other ticket. */
    static String ticket(int i) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(i * 7919L + 13);
        StringBuilder text = new StringBuilder("Ticket ").append(i).append(':');
        for (int w = 0; w < 14; w++) {
            text.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return "{\"messages\":[{\"role\":\"system\",\"content\":\"Classify the ticket.\"},"
                + "{\"role\":\"user\",\"content\":\"" + text + "\"},"
                + "{\"role\":\"assistant\",\"content\":\"" + label(i) + "\"}]}";
    }

    /** Tickets {@code from} (inclusive) to {@code to} (exclusive), one per line. */
    static String tickets(int from, int to) {
        return IntStream.range(from, to).mapToObj(SampleData::ticket).collect(Collectors.joining("\n", "", "\n"));
    }

    static byte[] gzip(String jsonl) throws java.io.IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream gz = new java.util.zip.GZIPOutputStream(out)) {
            gz.write(bytes(jsonl));
        }
        return out.toByteArray();
    }
}
