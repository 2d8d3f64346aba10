package io.tuneforge.localinfra;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;

/**
 * Waits until the broker answers a metadata request, which it does only once its controller is
 * active and it is registered and unfenced: from then on producers and consumers work.
 */
final class BrokerReadiness {

    private static final Duration ATTEMPT = Duration.ofSeconds(2);
    private static final Duration PAUSE = Duration.ofMillis(100);

    private BrokerReadiness() {
    }

    static void await(String bootstrapServers, Process process, Duration timeout, String what, Path logFile) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ATTEMPT.toMillis(),
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ATTEMPT.toMillis(),
                AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, 50,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 200))) {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new StartupFailedException(what, "the broker JVM exited with code " + process.exitValue(),
                            logFile, null);
                }
                try {
                    Collection<Node> nodes = admin.describeCluster().nodes()
                            .get(ATTEMPT.toMillis(), TimeUnit.MILLISECONDS);
                    if (!nodes.isEmpty()) {
                        return;
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new StartupFailedException(what, "interrupted while waiting for it", logFile, e);
                } catch (Exception e) {
                    last = e;
                }
                Thread.sleep(PAUSE.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StartupFailedException(what, "interrupted while waiting for it", logFile, e);
        }
        throw new StartupFailedException(what, "no answer to a metadata request within " + timeout.toSeconds()
                + " s (last error: " + (last == null ? "none" : last) + ")", logFile, last);
    }
}
