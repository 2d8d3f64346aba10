package io.tuneforge.eval.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.eval.provider.PromptMessage;
import io.tuneforge.platform.tenancy.ServiceCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import io.tuneforge.eval.EvalConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Streams a held-out split from dataset-service on the tenant's behalf, line by line (never the whole
 * split in memory). Connection failures and 5xx are retried a bounded number of times.
 */
@ApplicationScoped
public class TestSplitReader {

    private static final int ATTEMPTS = 3;

    @Inject
    EvalConfig config;

    @Inject
    ServiceCredentials credentials;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    /** Feeds every example of the split at {@code testPath} to {@code sink}, in split order. */
    public void read(String tenantId, String testPath, Consumer<HeldOutExample> sink) {
        URI uri = URI.create(config.datasetServiceUrl().replaceAll("/$", "") + testPath);
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<Stream<String>> response = http.send(credentials.authorize(
                        HttpRequest.newBuilder(uri).timeout(config.datasetServiceTimeout()).GET(), tenantId).build(), HttpResponse.BodyHandlers.ofLines());
                try (Stream<String> lines = response.body()) {
                    if (response.statusCode() >= 500 && attempt < ATTEMPTS) {
                        continue;
                    }
                    if (response.statusCode() != 200) {
                        throw new TestSetUnreadable("dataset-service answered " + response.statusCode() + " for " + testPath);
                    }
                    int lineNumber = 0;
                    Iterator<String> it = lines.iterator();
                    while (it.hasNext()) {
                        String line = it.next();
                        lineNumber++;
                        if (!line.isBlank()) {
                            sink.accept(parse(line, lineNumber));
                        }
                    }
                    return;
                }
            } catch (IOException e) {
                if (attempt >= ATTEMPTS) {
                    throw new TestSetUnreadable("cannot read " + testPath + " from dataset-service: " + e.getMessage(), e);
                }
                pause(attempt);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TestSetUnreadable("interrupted while reading " + testPath, e);
            }
        }
    }

    HeldOutExample parse(String line, int lineNumber) {
        JsonNode row;
        try {
            row = json.readTree(line);
        } catch (IOException e) {
            throw new TestSetUnreadable("test split line " + lineNumber + ": not JSON");
        }
        if (row.has("preferred_output")) {
            return preference(row, lineNumber);
        }
        JsonNode messages = row.path("messages");
        int lastAssistant = -1;
        for (int i = 0; i < messages.size(); i++) {
            if ("assistant".equals(messages.get(i).path("role").asText())) {
                lastAssistant = i;
            }
        }
        if (lastAssistant < 1) {
            throw new TestSetUnreadable("test split line " + lineNumber + ": no assistant answer to compare with "
                    + "(evaluations need supervised examples, messages ending with the expected assistant reply, or "
                    + "preference examples with input.messages, preferred_output and non_preferred_output)");
        }
        List<PromptMessage> prompt = promptOf(messages, lastAssistant);
        String reference = text(messages.get(lastAssistant).path("content"));
        return new HeldOutExample(prompt, reference, category(row));
    }

    /**
     * A preference (DPO) example: the model is asked the input, the preferred answer is the reference and
     * the non-preferred one is kept to see which of the two each answer is nearer.
     */
    private HeldOutExample preference(JsonNode row, int lineNumber) {
        JsonNode messages = row.path("input").path("messages");
        String preferred = lastAssistantText(row.path("preferred_output"));
        String rejected = lastAssistantText(row.path("non_preferred_output"));
        if (messages.isEmpty() || preferred == null || rejected == null) {
            throw new TestSetUnreadable("test split line " + lineNumber + ": a preference example needs input.messages and "
                    + "one assistant message in each of preferred_output and non_preferred_output");
        }
        return new HeldOutExample(promptOf(messages, messages.size()), preferred, category(row), rejected);
    }

    private static List<PromptMessage> promptOf(JsonNode messages, int end) {
        List<PromptMessage> prompt = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            JsonNode m = messages.get(i);
            String content = text(m.path("content"));
            if (!content.isEmpty() || m.path("content").isTextual()) {
                prompt.add(new PromptMessage(m.path("role").asText(), content));
            }
        }
        return prompt;
    }

    private static String lastAssistantText(JsonNode output) {
        String text = null;
        for (JsonNode m : output) {
            if ("assistant".equals(m.path("role").asText())) {
                text = text(m.path("content"));
            }
        }
        return text;
    }

    /** A message's text: the string, or its text parts joined (image parts carry no text to compare). */
    private static String text(JsonNode content) {
        if (content.isTextual()) {
            return content.asText();
        }
        StringBuilder text = new StringBuilder();
        for (JsonNode part : content) {
            if ("text".equals(part.path("type").asText())) {
                text.append(part.path("text").asText(""));
            }
        }
        return text.toString();
    }

    private static String category(JsonNode row) {
        return Optional.ofNullable(row.path("metadata").path("category").textValue()).orElse(null);
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(500L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
