package io.tuneforge.eval;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tuneforge.testsupport.SiblingServices;

import java.util.Map;

/**
 * Starts dataset-service, cost-service (prices) and openai-simulator as real JVMs (on the test's broker and database) and
 * points eval-service at them. The simulator's speed comes from the TUNEFORGE_SIMULATOR_* variables
 * surefire sets (pom.xml), which the sibling JVMs inherit.
 */
public class EvalSiblings implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        // Side by side: each JVM start mostly waits, so two at once take little longer than one.
        SiblingServices.start("dataset-service", "cost-service", "openai-simulator");
        String datasets = SiblingServices.baseUrl("dataset-service");
        String simulator = SiblingServices.baseUrl("openai-simulator");
        return Map.of("tuneforge.eval.dataset-service-url", datasets,
                "quarkus.rest-client.cost-service.url", SiblingServices.baseUrl("cost-service"),
                "tuneforge.provider.fallback.base-url", simulator + "/v1",
                "tuneforge.provider.fallback.api-key", "sk-test-eval",
                // The fallback and the fake training-service's account are one provider organization,
                // the one EvalFixtures fine-tunes in: organizations are a boundary on the simulator.
                "tuneforge.provider.fallback.organization", "org-eval-accounts",
                "tuneforge.eval.worker.poll", "200ms",
                "tuneforge.eval.worker.initial-delay", "1s",
                "tuneforge.eval.worker.lease", "10s");
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; SiblingServices stops them at JVM exit.
    }
}
