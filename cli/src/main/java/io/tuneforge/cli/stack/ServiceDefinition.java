package io.tuneforge.cli.stack;

/**
 * One JVM the local stack runs from a Quarkus module's jar.
 *
 * @param name          component name in status, logs and messages (the module name)
 * @param defaultPort   its HTTP port unless {@code portVariable} is set in the environment
 * @param portVariable  the variable the service itself reads for its port
 * @param urlVariable   the variable `tuneforge env` exports for its base URL (null for none)
 * @param readinessPath probed until it answers 200 (Quarkus /q/health/ready; the simulator has no health)
 * @param defaultHeap   its -Xmx unless the variable {@link #heapVariable()} is set
 */
public record ServiceDefinition(String name, int defaultPort, String portVariable, String urlVariable,
                                String readinessPath, String defaultHeap) {

    public static final String QUARKUS_READINESS = "/q/health/ready";
    public static final String SERVICE_HEAP = "256m";
    private static final java.util.regex.Pattern HEAP = java.util.regex.Pattern.compile("[1-9][0-9]*[mMgG]");

    /** e.g. TUNEFORGE_SIMULATOR_HEAP for TUNEFORGE_SIMULATOR_PORT. */
    public String heapVariable() {
        return portVariable.replaceFirst("_PORT$", "_HEAP");
    }

    /** The -Xmx value: from {@link #heapVariable()}, else the default. */
    public String heap() {
        String value = System.getenv(heapVariable());
        if (value == null || value.isBlank()) {
            return defaultHeap;
        }
        if (!HEAP.matcher(value.trim()).matches()) {
            throw new IllegalArgumentException(heapVariable() + "='" + value + "' is not a heap size such as 512m or 1g");
        }
        return value.trim();
    }

    /** The port from the environment, else the default. */
    public int port() {
        String value = System.getenv(portVariable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(portVariable + "='" + value + "' is not a port number");
        }
    }

    public String module() {
        return name;
    }

    public boolean hasQuarkusHealth() {
        return QUARKUS_READINESS.equals(readinessPath);
    }
}
