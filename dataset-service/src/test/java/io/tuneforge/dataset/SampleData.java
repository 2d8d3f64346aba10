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
}
