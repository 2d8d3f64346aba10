package io.tuneforge.localinfra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerProcessTest {

    @TempDir
    Path dataDir;

    @Test
    void startsServesATopicAndStopsCleanly() throws Exception {
        long begin = System.nanoTime();
        KafkaBrokerProcess broker = KafkaBrokerProcess.start(dataDir, 0);
        StartupTimes.report("kafka broker accepts requests (first start, formats storage)", begin);
        try {
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
            assertThat(broker.logFile()).exists();

            try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                producer.send(new ProducerRecord<>("dataset.validated", "ds-1", "{\"id\":\"ds-1\"}"))
                        .get(30, TimeUnit.SECONDS);
            }

            List<ConsumerRecord<String, String>> received = new ArrayList<>();
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                    ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                    ConsumerConfig.GROUP_ID_CONFIG, "local-infra-test",
                    ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                    ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                    ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
                consumer.subscribe(List.of("dataset.validated"));
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (received.isEmpty() && System.nanoTime() < deadline) {
                    consumer.poll(Duration.ofMillis(500)).forEach(received::add);
                }
            }
            assertThat(received).singleElement().satisfies(record -> {
                assertThat(record.key()).isEqualTo("ds-1");
                assertThat(record.value()).isEqualTo("{\"id\":\"ds-1\"}");
            });
        } finally {
            long stopping = System.nanoTime();
            broker.close();
            StartupTimes.report("kafka broker stop", stopping);
        }
        assertThat(broker.isAlive()).isFalse();
        assertThat(ProcessExit.await(broker.pid(), Duration.ofSeconds(5))).isTrue();
    }

    @Test
    void keepsItsTopicsAcrossARestartOnTheSameDataDirectory() throws Exception {
        try (KafkaBrokerProcess first = KafkaBrokerProcess.start(dataDir, 0)) {
            try (var producer = new KafkaProducer<String, String>(Map.of(
                    ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, first.bootstrapServers(),
                    ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                    ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
                producer.send(new ProducerRecord<>("job.queued", "job-1", "queued")).get(30, TimeUnit.SECONDS);
            }
        }
        long begin = System.nanoTime();
        try (KafkaBrokerProcess second = KafkaBrokerProcess.start(dataDir, 0);
             var admin = org.apache.kafka.clients.admin.Admin.create(Map.<String, Object>of(
                     "bootstrap.servers", second.bootstrapServers()))) {
            StartupTimes.report("kafka broker accepts requests (restart, storage kept)", begin);
            assertThat(admin.listTopics().names().get(30, TimeUnit.SECONDS)).contains("job.queued");
        }
    }

    @Test
    void saysWhichPortAndWhichLogWhenItCannotStart() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            assertThatThrownBy(() -> KafkaBrokerProcess.start(dataDir, port, 1, Duration.ofSeconds(60)))
                    .isInstanceOf(StartupFailedException.class)
                    .hasMessageContaining("Kafka broker on 127.0.0.1:" + port)
                    .hasMessageContaining(dataDir.resolve("broker.log").toString())
                    .hasMessageContaining("exited with code");
        }
    }
}
