package io.tuneforge.e2e;

import io.tuneforge.cli.api.ServiceClient;
import io.tuneforge.cli.stack.PrivateStack;
import io.tuneforge.testsupport.TopicProbe;

import java.util.Map;

/**
 * The suite's platform: one {@link PrivateStack} ({@code tuneforge up} on free ports, private state
 * folder) per test JVM, shared by every test class, {@code tuneforge down} when the JVM ends.
 */
public final class E2eStack {

    private static E2eStack running;

    private final PrivateStack stack;

    private E2eStack(PrivateStack stack) {
        this.stack = stack;
    }

    public static synchronized E2eStack get() {
        if (running == null) {
            running = new E2eStack(PrivateStack.start());
            Runtime.getRuntime().addShutdownHook(new Thread(running.stack::stop, "e2e-stack-down"));
            TopicProbe.useBroker(running.stack.state().kafkaBootstrap());
        }
        return running;
    }

    /** The local tenant's API key. */
    public String apiKey() {
        return stack.apiKey();
    }

    public ServiceClient client(String service) {
        return stack.client(service);
    }

    public String url(String component) {
        return stack.url(component);
    }

    /** See {@link PrivateStack#simulatorAccount}. */
    public String simulatorAccount(String prefix, String organization, Map<String, Object> extra) {
        return stack.simulatorAccount(prefix, organization, extra);
    }
}
