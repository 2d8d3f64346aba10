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
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
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
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A plain Kafka client for tests: reads a topic from the beginning and re-sends records exactly as
 * they were (to simulate at-least-once redelivery), independent of the service under test. Reads
 * assign the topic's partitions directly (no consumer group to join), so a read costs a metadata
 * round, not a group rebalance; only a read that asserts absence waits out its window.
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

    /**
     * Every record of {@code topic} now on the broker, read from the beginning up to the end offsets it had
     * when called: returns as soon as those are read, without waiting for more (a record that arrived
     * meanwhile may come along). For a test that polls (inside an
     * {@code await()}) or wants what is already there; a test that asserts something did <em>not</em>
     * happen uses {@link #readAll(String, Duration)}, whose window gives it the chance to.
     */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        return read(topic, Duration.ZERO);
    }

    /**
     * Every record of {@code topic} now on the broker, read from the beginning, and every record that
     * arrives until {@code wait} has passed: an absence check ("published once", "nothing else") keeps
     * watching for the whole window. Always reads at least up to the end offsets of the call, however
     * long {@code wait} is.
     */
    public static List<ConsumerRecord<String, String>> readAll(String topic, Duration wait) {
        return read(topic, wait);
    }

    /**
     * The first record matching {@code match} within {@code wait}, read from the beginning of the topic:
     * returns as soon as one is there; without one it watches the whole {@code wait} (so it is also an
     * absence check).
     */
    public static Optional<ConsumerRecord<String, String>> awaitRecord(String topic, Duration wait,
                                                                       Predicate<ConsumerRecord<String, String>> match) {
        long deadline = System.nanoTime() + wait.toNanos();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            // Partitions are assigned, not subscribed with a consumer group: no group join per call.
            List<TopicPartition> partitions = assignFromStart(consumer, topic, deadline);
            while (!partitions.isEmpty()) {
                for (ConsumerRecord<String, String> record : consumer.poll(pollTime(deadline))) {
                    if (match.test(record)) {
                        return Optional.of(record);
                    }
                }
                if (System.nanoTime() - deadline >= 0) {
                    break;
                }
            }
            return Optional.empty();
        }
    }

    /** How long a read to the end offsets may take before it is an error (a stuck broker, not a slow test). */
    private static final Duration READ_TO_END_LIMIT = Duration.ofSeconds(60);

    private static final Duration UNKNOWN_TOPIC_LIMIT = Duration.ofSeconds(5);

    private static List<ConsumerRecord<String, String>> read(String topic, Duration wait) {
        long start = System.nanoTime();
        long windowEnd = start + wait.toNanos();
        long limit = start + Math.max(wait.toNanos(), READ_TO_END_LIMIT.toNanos());
        List<ConsumerRecord<String, String>> records = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = consumer()) {
            // A topic nobody wrote to yet is created by the lookup (auto-create); one still unknown after a few
            // seconds has no records to read.
            List<TopicPartition> partitions = assignFromStart(consumer, topic, start + Math.max(wait.toNanos(), UNKNOWN_TOPIC_LIMIT.toNanos()));
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
            while (!reached(consumer, ends)) {
                if (System.nanoTime() - limit >= 0) {
                    throw new IllegalStateException("could not read " + topic + " to its end offsets " + ends + " within "
                            + READ_TO_END_LIMIT.toSeconds() + " s");
                }
                consumer.poll(pollTime(limit)).forEach(records::add);
            }
            // The window: records that arrive after the call, for a test that asserts they do not.
            while (!partitions.isEmpty() && System.nanoTime() - windowEnd < 0) {
                consumer.poll(pollTime(windowEnd)).forEach(records::add);
            }
        }
        return records;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            if (consumer.position(end.getKey()) < end.getValue()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Assigns every partition of {@code topic} and seeks to its beginning; an unknown topic is asked for
     * again (the broker creates it on first use) until {@code deadline}, then none is assigned.
     */
    private static List<TopicPartition> assignFromStart(KafkaConsumer<String, String> consumer, String topic, long deadline) {
        while (true) {
            List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
            if (infos != null && !infos.isEmpty()) {
                List<TopicPartition> partitions = infos.stream().map(i -> new TopicPartition(i.topic(), i.partition())).toList();
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                return partitions;
            }
            if (System.nanoTime() - deadline >= 0) {
                return List.of();
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while looking up " + topic, e);
            }
        }
    }

    private static Duration pollTime(long deadline) {
        long left = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
        return Duration.ofMillis(Math.max(1, Math.min(100, left)));
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "topic-probe");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
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
        try {
            producer().send(record).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not send the test record to " + record.topic(), e);
        }
    }

    /** One producer per broker for the whole JVM: creating one per record cost a connection and metadata round each. */
    private static final Map<String, KafkaProducer<String, String>> PRODUCERS = new ConcurrentHashMap<>();

    private static KafkaProducer<String, String> producer() {
        return PRODUCERS.computeIfAbsent(bootstrapServers(), servers -> {
            Properties props = new Properties();
            props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.CLIENT_ID_CONFIG, "topic-probe");
            KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
            Runtime.getRuntime().addShutdownHook(new Thread(() -> producer.close(Duration.ofSeconds(2)), "topic-probe-producer-close"));
            return producer;
        });
    }
}
