package io.tuneforge.provider;

import com.openai.errors.OpenAIServiceException;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A provider's redirect is its answer: the client does not follow it, so the key never travels to where it points. */
class OpenAiClientsTest {

    private HttpServer provider;
    private HttpServer elsewhere;

    @AfterEach
    void stop() {
        provider.stop(0);
        elsewhere.stop(0);
    }

    @Test
    void aRedirectIsNotFollowedAndTheKeyStaysWithTheProvider() throws IOException {
        AtomicInteger reachedElsewhere = new AtomicInteger();
        AtomicReference<String> keySeenElsewhere = new AtomicReference<>();
        elsewhere = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        elsewhere.createContext("/", exchange -> {
            reachedElsewhere.incrementAndGet();
            keySeenElsewhere.set(exchange.getRequestHeaders().getFirst("Authorization"));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        elsewhere.start();
        provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:" + elsewhere.getAddress().getPort() + "/v1/chat/completions");
            exchange.sendResponseHeaders(307, -1);
            exchange.close();
        });
        provider.start();

        OpenAiClients clients = new OpenAiClients();
        clients.timeout = Duration.ofSeconds(5);
        clients.maxRetries = 0;
        ProviderConnection connection = new ProviderConnection("acct_1", "compatible",
                "http://127.0.0.1:" + provider.getAddress().getPort() + "/v1", "sk-secret-of-the-tenant", Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty());
        try {
            assertThatThrownBy(() -> clients.client(connection).chat().completions().create(ChatCompletionCreateParams.builder()
                    .model("gpt-4o-mini").addUserMessage("hi").build()))
                    .isInstanceOfSatisfying(OpenAIServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(307));
        } finally {
            clients.close();
        }
        assertThat(reachedElsewhere.get()).isZero();
        assertThat(keySeenElsewhere.get()).isNull();
    }
}
