package io.tuneforge.simulator.faults;

import io.tuneforge.simulator.SimulatorConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Decides which request or job gets a fault; configured at start and changed on /admin/faults. */
@ApplicationScoped
public class FaultPlan {

    private final FaultSettings configured;
    private FaultSettings current;
    private Random dice;

    public FaultPlan(SimulatorConfig config) {
        SimulatorConfig.Faults f = config.faults();
        this.configured = new FaultSettings(f.errorRate(), f.unavailableRate(), f.slowRate(), f.slowDelay().toMillis(), f.dropRate(),
                f.jobFailureRate(), f.lostRate(), f.seed(), List.of(), Map.of());
        set(configured);
    }

    public synchronized FaultSettings current() {
        return current;
    }

    public synchronized void set(FaultSettings settings) {
        this.current = new FaultSettings(settings.errorRate(), settings.unavailableRate(), settings.slowRate(), settings.slowDelayMillis(),
                settings.dropRate(), settings.jobFailureRate(), settings.lostRate(), settings.seed(), settings.rules() == null ? List.of() : List.copyOf(settings.rules()),
                settings.models() == null ? Map.of() : Map.copyOf(settings.models()));
        this.dice = new Random(settings.seed());
    }

    public synchronized void reset() {
        set(configured);
    }

    public synchronized Optional<Fault> forRequest(String method, String path) {
        List<FaultRule> rules = new ArrayList<>(current.rules());
        for (int i = 0; i < rules.size(); i++) {
            FaultRule rule = rules.get(i);
            if (rule.count() > 0 && rule.matches(method, path)) {
                FaultRule used = rule.used();
                if (used.count() > 0) {
                    rules.set(i, used);
                } else {
                    rules.remove(i);
                }
                current = new FaultSettings(current.errorRate(), current.unavailableRate(), current.slowRate(), current.slowDelayMillis(),
                        current.dropRate(), current.jobFailureRate(), current.lostRate(), current.seed(), List.copyOf(rules), current.models());
                long delay = rule.delayMillis() == null ? current.slowDelayMillis() : rule.delayMillis();
                return Optional.of(new Fault(rule.kind(), delay));
            }
        }
        double roll = dice.nextDouble();
        double edge = current.dropRate();
        if (roll < edge) {
            return Optional.of(new Fault(FaultKind.DROP, 0));
        }
        edge += current.errorRate();
        if (roll < edge) {
            return Optional.of(new Fault(FaultKind.ERROR, 0));
        }
        edge += current.unavailableRate();
        if (roll < edge) {
            return Optional.of(new Fault(FaultKind.UNAVAILABLE, 0));
        }
        edge += current.slowRate();
        if (roll < edge) {
            return Optional.of(new Fault(FaultKind.SLOW, current.slowDelayMillis()));
        }
        edge += losable(method, path) ? current.lostRate() : 0;
        if (roll < edge) {
            return Optional.of(new Fault(FaultKind.LOST, 0));
        }
        return Optional.empty();
    }

    /**
     * The fault of one chat completion for {@code model}: ERROR (after the model's latency) for its error
     * rate's share of calls, else SLOW when it has a latency; empty for a model without faults.
     */
    public synchronized Optional<Fault> forModel(String model) {
        ModelFault fault = model == null ? null : current.models().get(model);
        if (fault == null) {
            return Optional.empty();
        }
        if (fault.errorRate() > 0 && dice.nextDouble() < fault.errorRate()) {
            return Optional.of(new Fault(FaultKind.ERROR, fault.latencyMs()));
        }
        return fault.latencyMs() > 0 ? Optional.of(new Fault(FaultKind.SLOW, fault.latencyMs())) : Optional.empty();
    }

    /** The calls whose answer a storm may lose after the work: job creation, file and upload POSTs, chat completions. */
    static boolean losable(String method, String path) {
        String p = path.startsWith("/openai/") ? path.substring("/openai".length()) : path;
        return "POST".equalsIgnoreCase(method) && (p.equals("/v1/fine_tuning/jobs") || p.equals("/v1/files") || p.startsWith("/v1/uploads")
                || p.endsWith("/chat/completions"));
    }

    /** Whether a job fails, decided from the job's seed so the same job fails the same way on replay. */
    public synchronized boolean jobFails(long jobSeed) {
        return current.jobFailureRate() > 0 && new Random(jobSeed ^ current.seed()).nextDouble() < current.jobFailureRate();
    }
}
