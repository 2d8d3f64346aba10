package io.tuneforge.gateway;

import io.tuneforge.testsupport.ShiftableClock;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tuneforge.events.EventCodec;
import io.tuneforge.events.Topics;
import io.tuneforge.events.inference.InferenceUsage;
import io.tuneforge.gateway.usage.UsagePublisher;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.tuneforge.gateway.GatewayFixtures.call;
import static io.tuneforge.gateway.GatewayFixtures.modelFaults;
import static io.tuneforge.gateway.GatewayFixtures.putAlias;
import static io.tuneforge.gateway.GatewayFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Calls are booked per model and minute and reach the broker once as inference.usage, for cost-service. */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(GatewaySiblings.class)
class UsageTest {

    @Inject
    ShiftableClock clock;

    @Inject
    UsagePublisher publisher;

    @Test
    void usageReachesTheBrokerOncePerWindowWithItsTokensAndPipeline() {
        modelFaults(Map.of());
        String pipeline = unique("pl");
        String alias = unique("billed");
        // A model no other test calls, so the window holds exactly these calls.
        String model = "gpt-4.1-nano-2025-04-14";
        putAlias(TestTenants.GLOBEX_KEY, alias, Map.of("stable_model", model, "pipeline_id", pipeline)).statusCode(201);
        long completionTokens = 0;
        for (int i = 0; i < 5; i++) {
            GatewayFixtures.Served served = call(TestTenants.GLOBEX_KEY, alias, null);
            assertThat(served.status()).isEqualTo(200);
            completionTokens += served.body().path("usage").path("completion_tokens").asLong();
        }
        // Past the end of the window and its grace period, instead of waiting for the minute to end.
        clock.shift(Duration.ofMinutes(2));

        List<InferenceUsage> usage = await().atMost(Duration.ofSeconds(30)).until(() -> usageOf(pipeline), u -> !u.isEmpty());
        assertThat(usage).hasSize(1);
        InferenceUsage window = usage.get(0);
        assertThat(window.model()).isEqualTo(model);
        assertThat(window.calls()).isEqualTo(5);
        assertThat(window.completionTokens()).isEqualTo(completionTokens);
        assertThat(window.promptTokens()).isPositive();
        assertThat(window.source()).isEqualTo("gateway");
        assertThat(window.windowEnd()).isEqualTo(window.windowStart().plusSeconds(60));
        ConsumerRecord<String, String> record = TopicProbe.readAll(Topics.INFERENCE_USAGE, Duration.ofSeconds(2)).stream()
                .filter(r -> r.value().contains(pipeline)).findFirst().orElseThrow();
        assertThat(record.key()).isEqualTo(window.usageId());
        assertThat(TopicProbe.header(record, "ce_tenant")).isEqualTo(TestTenants.GLOBEX);

        // Published windows are never published again, however often the publisher runs (any replica).
        publisher.publishClosed();
        publisher.publishClosed();
        assertThat(usageOf(pipeline)).hasSize(1);
    }

    private static List<InferenceUsage> usageOf(String pipeline) {
        return TopicProbe.readAll(Topics.INFERENCE_USAGE, Duration.ofSeconds(2)).stream().map(ConsumerRecord::value)
                .map(v -> EventCodec.read(v, InferenceUsage.class)).filter(u -> pipeline.equals(u.pipelineId())).toList();
    }
}
