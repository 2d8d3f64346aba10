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
        // Side by side: each JVM start mostly waits, so two at once take little longer than one.
        SiblingServices.start("dataset-service", "openai-simulator");
        // The simulator is the operator's own endpoint here, as on the local stack: accounts may point at it.
        return Map.of("tuneforge.training.dataset-service-url", SiblingServices.baseUrl("dataset-service"),
                "tuneforge.training.accounts.allowed-origins", SiblingServices.baseUrl("openai-simulator"));
    }

    @Override
    public void stop() {
        // Shared by every test class of this JVM; SiblingServices stops them at JVM exit.
    }
}
