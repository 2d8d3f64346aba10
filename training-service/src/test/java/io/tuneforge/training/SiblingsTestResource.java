package io.tuneforge.training;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.tuneforge.testsupport.SiblingServices;

import java.util.Map;

/**
 * Starts dataset-service and openai-simulator as real JVMs (on the test's broker and database) and
 * points training-service at dataset-service. The simulator's speed comes from the TUNEFORGE_SIMULATOR_*
 * variables surefire sets (pom.xml), which the sibling JVMs inherit.
 */
public class SiblingsTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        String datasets = SiblingServices.baseUrl("dataset-service");
        SiblingServices.baseUrl("openai-simulator");
        return Map.of("tuneforge.training.dataset-service-url", datasets);
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; SiblingServices stops them at JVM exit.
    }
}
