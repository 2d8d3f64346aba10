package io.tuneforge.kafkabroker;

import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.util.Properties;

/**
 * The server.properties of a one-node KRaft cluster that is broker and controller at once, bound to
 * 127.0.0.1 only. Internal topics get replication factor 1 because there is no second broker to
 * replicate to; the initial rebalance delay is 0 so consumer groups in tests join immediately.
 */
final class SingleNodeConfig {

    private SingleNodeConfig() {
    }

    static Properties of(BrokerOptions options) {
        Properties p = new Properties();
        p.setProperty("process.roles", "broker,controller");
        p.setProperty("node.id", Integer.toString(options.nodeId()));
        p.setProperty("controller.quorum.voters", options.nodeId() + "@127.0.0.1:" + options.controllerPort());
        p.setProperty("listeners", "PLAINTEXT://127.0.0.1:" + options.port()
                + ",CONTROLLER://127.0.0.1:" + options.controllerPort());
        p.setProperty("advertised.listeners", "PLAINTEXT://127.0.0.1:" + options.port());
        p.setProperty("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.setProperty("controller.listener.names", "CONTROLLER");
        p.setProperty("inter.broker.listener.name", "PLAINTEXT");
        p.setProperty("log.dirs", options.logDir().toString());
        p.setProperty("num.partitions", Integer.toString(options.partitions()));
        p.setProperty("auto.create.topics.enable", "true");
        p.setProperty("offsets.topic.replication.factor", "1");
        p.setProperty("offsets.topic.num.partitions", "1");
        p.setProperty("transaction.state.log.replication.factor", "1");
        p.setProperty("transaction.state.log.min.isr", "1");
        p.setProperty("share.coordinator.state.topic.replication.factor", "1");
        p.setProperty("share.coordinator.state.topic.min.isr", "1");
        p.setProperty("min.insync.replicas", "1");
        p.setProperty("default.replication.factor", "1");
        p.setProperty("group.initial.rebalance.delay.ms", "0");
        return p;
    }

    /** Rewritten on every start: ports may change between runs while the log directory is kept. */
    static void write(BrokerOptions options) throws IOException {
        Files.createDirectories(options.dataDir());
        try (Writer out = Files.newBufferedWriter(options.serverProperties())) {
            of(options).store(out, "written by KafkaBrokerMain on every start; edits are overwritten");
        }
    }
}
