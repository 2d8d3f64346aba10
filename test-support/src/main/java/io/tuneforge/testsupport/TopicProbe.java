package io.tuneforge.testsupport;

import io.tuneforge.events.CloudEventAttributes;
import io.tuneforge.events.EventCodec;
import io.tuneforge.events.EventContract;
import io.tuneforge.events.EventContracts;
import io.tuneforge.events.EventPayload;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A plain Kafka client for tests: reads a topic from the beginning and re-sends records exactly as
 * they were (to simulate at-least-once redelivery), independent of the service under test.
 */
public final class TopicProbe {

    /** Set by suites that run against a broker they did not start through {@link PlatformTestResource} (e2e). */
    private static volatile String brokerOverride;

    private TopicProbe() {
    }

    /**
     * Points every probe method at {@code bootstrapServers} instead of the test JVM's own broker, for a
     * suite that drives a platform started elsewhere (the e2e suite's local stack).
     */
    public static void useBroker(String bootstrapServers) {
        brokerOverride = bootstrapServers;
    }

    private static String bootstrapServers() {
        String override = brokerOverride;
        return override != null ? override : PlatformTestResource.bootstrapServers();
    }

    /** Every record of {@code topic} now on the broker, read from the beginning. */
    public static List<ConsumerRecord<String, String>> readAll(String topic, Duration wait) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
        }
        return records;
    }

    /** The first record matching {@code match} within {@code wait}. */
    public static Optional<ConsumerRecord<String, String>> awaitRecord(String topic, Duration wait,
                                                                       Predicate<ConsumerRecord<String, String>> match) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + wait.toNanos();
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        return Optional.of(record);
                    }
                }
            }
        }
        return Optional.empty();
    }

    /** Sends {@code record} again to its topic, with the same key, value and headers. */
    public static void redeliver(ConsumerRecord<String, String> record) {
        send(new ProducerRecord<>(record.topic(), null, record.key(), record.value(), record.headers()));
    }

    /** Sends a record with the given CloudEvents-style headers (e.g. {@code ce_id}). */
    public static void send(String topic, String key, String value, Map<String, String> headers) {
        ProducerRecord<String, String> record = new ProducerRecord<>(topic, key, value);
        headers.forEach((k, v) -> record.headers().add(k, v.getBytes(StandardCharsets.UTF_8)));
        send(record);
    }

    /**
     * Publishes {@code payload} the way a tuneforge service does: CloudEvents binary mode, the
     * contract's type, the tenant extension, the subject as key.
     */
    public static void publishEvent(EventPayload payload, String eventId, String tenant) {
        EventContract<?> contract = EventContracts.forPayload(payload.getClass());
        Map<String, String> headers = new java.util.LinkedHashMap<>();
        headers.put("ce_specversion", "1.0");
        headers.put("ce_id", eventId);
        headers.put("ce_type", contract.type());
        headers.put("ce_source", "/tuneforge/test");
        headers.put("ce_subject", payload.subject());
        headers.put("ce_time", java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).toString());
        headers.put("ce_" + CloudEventAttributes.TENANT_EXTENSION, tenant);
        headers.put("content-type", CloudEventAttributes.DATA_CONTENT_TYPE);
        send(contract.topic(), payload.subject(), EventCodec.write(payload), headers);
    }

    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static void send(ProducerRecord<String, String> record) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send the test record to " + record.topic(), e);
        }
    }
}
