package io.tuneforge.kafkabroker;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import kafka.Kafka;

/**
 * Runs a single-node KRaft Kafka broker in this JVM, for tests and the local stack. Started as its
 * own process by io.tuneforge.localinfra.KafkaBrokerProcess (broker jars conflict with the services'
 * own, so they never share a classpath). See {@link BrokerOptions#USAGE} for the arguments.
 */
public final class KafkaBrokerMain {

    /** A broker that does not finish its graceful shutdown within this is halted. */
    private static final Duration SHUTDOWN_LIMIT = Duration.ofSeconds(20);

    private static final AtomicBoolean STOPPING = new AtomicBoolean();

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        // Before the first logger exists: our config, not whatever log4j2 file another jar brings.
        if (System.getProperty("log4j2.configurationFile") == null) {
            System.setProperty("log4j2.configurationFile",
                    KafkaBrokerMain.class.getResource("log4j2-broker.xml").toString());
        }
        Logger log = LoggerFactory.getLogger(KafkaBrokerMain.class);
        BrokerOptions options;
        try {
            options = BrokerOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        ParentWatch.start(options, reason -> stop(log, reason));
        try {
            SingleNodeConfig.write(options);
            if (StorageFormat.ensureFormatted(options)) {
                log.info("Formatted KRaft log directory {}", options.logDir());
            }
        } catch (Exception e) {
            log.error("Could not prepare the Kafka data directory {}", options.dataDir(), e);
            System.exit(1);
        }
        log.info("Starting Kafka broker on {} (controller 127.0.0.1:{}, data {})",
                options.bootstrapServers(), options.controllerPort(), options.dataDir());
        // Kafka's own entry point: it installs the shutdown hook that stops the broker gracefully on
        // SIGTERM or System.exit, logs "Kafka Server started", and exits when the broker stops.
        Kafka.main(new String[] {options.serverProperties().toString()});
    }

    private static void stop(Logger log, String reason) {
        if (!STOPPING.compareAndSet(false, true)) {
            return;
        }
        log.info("Stopping Kafka broker: {}", reason);
        Thread halter = new Thread(() -> {
            try {
                Thread.sleep(SHUTDOWN_LIMIT.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.warn("Kafka broker did not stop within {}; halting", SHUTDOWN_LIMIT);
            Runtime.getRuntime().halt(1);
        }, "kafka-broker-halter");
        halter.setDaemon(true);
        halter.start();
        // System.exit runs the shutdown hook, which stops the broker gracefully.
        System.exit(0);
    }
}
