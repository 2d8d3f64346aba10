package io.tuneforge.console;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tuneforge.testsupport.SiblingServices;

import java.util.Map;

/**
 * Connects the console to a real dataset-service (its own JVM on the test's broker and database), to a gateway
 * address where nothing listens, and to no training-service.
 */
public class SiblingDatasetService implements QuarkusTestResourceLifecycleManager {

    static final String DEAD_GATEWAY = "http://127.0.0.1:9";

    @Override
    public Map<String, String> start() {
        return Map.of("tuneforge.console.services.dataset", SiblingServices.baseUrl("dataset-service"),
                "tuneforge.console.services.gateway", DEAD_GATEWAY,
                "tuneforge.console.services.training", "");
    }

    @Override
    public void stop() {
        // SiblingServices stops the process at JVM exit.
    }
}
