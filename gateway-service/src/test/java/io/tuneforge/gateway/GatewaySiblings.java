package io.tuneforge.gateway;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tuneforge.testsupport.SiblingServices;

import java.util.HashMap;
import java.util.Map;

/**
 * Starts openai-simulator as a real JVM and points the gateway's fallback connection at it; the rollout
 * scheduler and the usage publisher run every few hundred milliseconds, and the quality guard judges
 * small samples, so the tests see decisions in seconds.
 */
public class GatewaySiblings implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String simulator = SiblingServices.baseUrl("openai-simulator");
        Map<String, String> config = new HashMap<>();
        config.put("tuneforge.provider.fallback.base-url", simulator + "/v1");
        config.put("tuneforge.provider.fallback.api-key", "sk-test-gateway");
        config.put("tuneforge.provider.timeout", "10s");
        // acme may call every base model on the fallback, globex only gpt-4.1* (granted by environment variable in the
        // pom, as a deployment would), initech nothing; initech has 3 requests a minute.
        config.put("tuneforge.gateway.fallback.grants.acme", "*");
        config.put("tuneforge.gateway.limits.tenants.initech.requests-per-minute", "3");
        config.put("tuneforge.gateway.budgets.refresh-every", "1s");
        config.put("tuneforge.gateway.rollouts.check-every", "200ms");
        config.put("tuneforge.gateway.rollouts.initial-delay", "200ms");
        config.put("tuneforge.gateway.rollouts.lease", "5s");
        config.put("tuneforge.gateway.usage.publish-every", "300ms");
        config.put("tuneforge.gateway.quality.min-feedback", "4");
        config.put("tuneforge.gateway.quality.negative-rate", "0.5");
        // A small capture cap, so the size test needs no huge prompt; purge batches of 2 make the purge loop.
        config.put("tuneforge.gateway.capture.max-size", "32K");
        config.put("tuneforge.gateway.capture.purge-batch", "2");
        return config;
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; SiblingServices stops the simulator at JVM exit.
    }
}
