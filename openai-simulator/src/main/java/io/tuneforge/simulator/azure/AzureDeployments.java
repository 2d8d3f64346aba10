package io.tuneforge.simulator.azure;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tuneforge.simulator.SimulatorConfig;
import io.tuneforge.simulator.api.OpenAiErrorException;
import io.tuneforge.simulator.runtime.SimulatorLoops;
import io.tuneforge.simulator.storage.SimulatorState;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import org.jboss.logging.Logger;

/**
 * Deployments of the simulated Azure OpenAI accounts and their life: Creating until the provisioning time
 * has passed, then Succeeded (or Failed, by the injected failure rate or {@code fail_next}); a Developer tier
 * deployment is removed when its fixed lifetime ends, any deployment when it had no data-plane call for the
 * inactivity period. The data plane resolves deployment names here.
 */
@ApplicationScoped
public class AzureDeployments {

    private static final Logger LOG = Logger.getLogger(AzureDeployments.class);
    static final String NOT_FOUND = "The API deployment for this resource does not exist. If you created the deployment within the "
            + "last 5 minutes, please wait a moment and try again.";

    /** A deployment Azure took away, kept for {@code GET /admin/azure} (the latest 200). */
    public record Removal(String resourceId, String reason, long at) {}

    private final SimulatorState state;
    private final SimulatorConfig config;
    private final AzureClock clock;
    private final SimulatorLoops loops;
    private final List<Removal> removals = Collections.synchronizedList(new ArrayList<>());
    private Random dice;
    private int failNext;
    private ScheduledExecutorService executor;

    public AzureDeployments(SimulatorState state, SimulatorConfig config, AzureClock clock, SimulatorLoops loops) {
        this.state = state;
        this.config = config;
        this.clock = clock;
        this.loops = loops;
        this.dice = new Random(config.faults().seed());
    }

    void start(@Observes StartupEvent start) {
        executor = SimulatorLoops.executor("azure-deployments");
        loops.every(executor, "azure-deployments", Duration.ofMillis(100), config.loopStaleAfter(), this::sweep);
    }

    void stop(@Observes ShutdownEvent stop) {
        if (executor != null) {
            executor.shutdownNow();
        }
    }

    public boolean azureMode() {
        return "azure".equalsIgnoreCase(config.azure().mode());
    }

    /** Creates or replaces (ARM PUT is create-or-update) a deployment; it starts Creating. */
    public synchronized Deployment put(String subscription, String resourceGroup, String account, String name, String skuName, int capacity,
                                       String format, String model, String version) {
        long now = clock.now();
        long provisioning = Math.round(config.azure().provisioningTime().toMillis() * config.time().scale());
        boolean fails = failNext > 0 || (config.azure().deploymentFailureRate() > 0 && dice.nextDouble() < config.azure().deploymentFailureRate());
        if (failNext > 0) {
            failNext--;
        }
        Deployment existing = state.deployments.get(Deployment.key(subscription, resourceGroup, account, name));
        Deployment d = new Deployment(subscription, resourceGroup, account, name, skuName, capacity, format, model, version, "Creating",
                existing == null ? now : existing.createdAt(), now, now + provisioning, fails, now);
        state.deployments.put(d.key(), d);
        state.changed();
        return d;
    }

    public Optional<Deployment> get(String subscription, String resourceGroup, String account, String name) {
        return Optional.ofNullable(state.deployments.get(Deployment.key(subscription, resourceGroup, account, name)));
    }

    public List<Deployment> list(String subscription, String resourceGroup, String account) {
        String prefix = Deployment.key(subscription, resourceGroup, account, "");
        return state.deployments.values().stream().filter(d -> d.key().startsWith(prefix)).sorted((a, b) -> a.name().compareTo(b.name()))
                .toList();
    }

    public synchronized boolean delete(String subscription, String resourceGroup, String account, String name) {
        boolean removed = state.deployments.remove(Deployment.key(subscription, resourceGroup, account, name)) != null;
        if (removed) {
            state.changed();
        }
        return removed;
    }

    /**
     * The model a data-plane call naming {@code deployment} is served by. Azure mode: a succeeded deployment
     * of that name (its use counted against inactivity), else 404 DeploymentNotFound. OpenAI mode: the same
     * when such a deployment exists, else the name itself is the model.
     */
    public String modelFor(String deployment) {
        List<Deployment> named = state.deployments.values().stream().filter(d -> d.name().equals(deployment)).toList();
        Optional<Deployment> serving = named.stream().filter(Deployment::serving).findFirst();
        if (serving.isPresent()) {
            Deployment used = serving.get().used(clock.now());
            state.deployments.put(used.key(), used);
            return used.modelName();
        }
        if (azureMode() || !named.isEmpty()) {
            throw new OpenAiErrorException(404, null, NOT_FOUND, null, "DeploymentNotFound", Map.of());
        }
        return deployment;
    }

    /** Moves provisioning on and removes what Azure would remove; one iteration of the azure-deployments loop. */
    public synchronized void sweep() {
        long now = clock.now();
        long lifetime = config.azure().developerTierLifetime().toMillis();
        long idle = config.azure().inactivityRemoval().toMillis();
        boolean changed = false;
        for (Deployment d : List.copyOf(state.deployments.values())) {
            if (d.provisioningState().equals("Creating") && now >= d.readyAt()) {
                state.deployments.put(d.key(), d.withState(d.failsProvisioning() ? "Failed" : "Succeeded", now));
                changed = true;
            } else if (d.developerTier() && now - d.createdAt() >= lifetime) {
                remove(d, "developer tier lifetime of " + config.azure().developerTierLifetime() + " ended", now);
                changed = true;
            } else if (d.serving() && now - d.lastUsedAt() >= idle) {
                remove(d, "no calls for " + config.azure().inactivityRemoval(), now);
                changed = true;
            }
        }
        if (changed) {
            state.changed();
        }
    }

    private void remove(Deployment d, String reason, long now) {
        state.deployments.remove(d.key());
        LOG.infof("azure: deployment %s removed: %s", d.resourceId(), reason);
        synchronized (removals) {
            removals.add(new Removal(d.resourceId(), reason, now));
            if (removals.size() > 200) {
                removals.remove(0);
            }
        }
    }

    public List<Removal> removals() {
        synchronized (removals) {
            return List.copyOf(removals);
        }
    }

    /** The next {@code count} deployments end Failed. */
    public synchronized void failNext(int count) {
        failNext = Math.max(0, count);
    }

    public synchronized int pendingFailures() {
        return failNext;
    }

    public synchronized void reset() {
        failNext = 0;
        removals.clear();
        dice = new Random(config.faults().seed());
        clock.reset();
    }
}
