package io.tuneforge.cli.stack;

/**
 * One JVM the local stack runs from a Quarkus module's jar.
 *
 * @param name          component name in status, logs and messages (the module name)
 * @param defaultPort   its HTTP port unless {@code portVariable} is set in the environment
 * @param portVariable  the variable the service itself reads for its port
 * @param urlVariable   the variable `tuneforge env` exports for its base URL (null for none)
 * @param readinessPath probed until it answers 200 (Quarkus /q/health/ready; the simulator has no health)
 */
public record ServiceDefinition(String name, int defaultPort, String portVariable, String urlVariable,
                                String readinessPath) {

    public static final String QUARKUS_READINESS = "/q/health/ready";

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
