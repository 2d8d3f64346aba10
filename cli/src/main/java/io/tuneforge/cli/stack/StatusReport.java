package io.tuneforge.cli.stack;

import io.tuneforge.cli.output.Table;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * `tuneforge status`: the supervisor's record of each component joined with a live probe, so a
 * component that stopped answering shows even while its process runs.
 */
public final class StatusReport {

    /** One line of the report. */
    public record Line(String component, String state, Long pid, Integer port, String health, String where, String log) {
    }

    private final List<Line> lines;
    private final boolean healthy;

    private StatusReport(List<Line> lines, boolean healthy) {
        this.lines = lines;
        this.healthy = healthy;
    }

    public static StatusReport probe(StackState state, boolean supervisorAlive, HealthProbe probe, Path projectRoot) {
        List<Line> lines = new ArrayList<>();
        boolean healthy = supervisorAlive && state.phase() == StackPhase.RUNNING;
        for (ComponentStatus c : state.components()) {
            String health;
            if (c.state() == ComponentState.SKIPPED) {
                health = "-";
            } else if (!supervisorAlive) {
                // Nothing of a stopped stack should answer; probing would only slow status down.
                health = "-";
            } else if (ServiceCatalog.POSTGRES.equals(c.name()) || ServiceCatalog.KAFKA.equals(c.name())) {
                health = probe.probeTcp(c.port()).label();
            } else {
                ServiceDefinition definition = c.name().equals(ServiceCatalog.SIMULATOR.name())
                        ? ServiceCatalog.SIMULATOR : ServiceCatalog.service(c.name()).orElse(null);
                health = definition == null ? "?" : probe.probe(c.url(), definition).label();
            }
            if (c.state() != ComponentState.SKIPPED && !"up".equals(health)) {
                healthy = false;
            }
            String stateLabel = c.state().label();
            if (c.exitCode() != null && c.state() != ComponentState.UP) {
                stateLabel += " (exit " + c.exitCode() + ")";
            }
            if (c.restarts() > 0) {
                stateLabel += ", restarted " + c.restarts() + "x";
            }
            String where = c.state() == ComponentState.SKIPPED ? c.note() : c.url();
            String log = c.state() == ComponentState.SKIPPED ? null : relative(projectRoot, c.log());
            lines.add(new Line(c.name(), stateLabel, c.pid(), c.port(), health, where, log));
        }
        return new StatusReport(List.copyOf(lines), healthy);
    }

    private static String relative(Path root, String log) {
        if (log == null) {
            return null;
        }
        Path path = Path.of(log);
        return path.startsWith(root) ? root.relativize(path).toString() : log;
    }

    public List<Line> lines() {
        return lines;
    }

    /** Every component that should run is up and answers. */
    public boolean healthy() {
        return healthy;
    }

    public String render() {
        Table table = Table.of("component", "state", "pid", "port", "health", "url", "log").numeric(2, 3);
        for (Line line : lines) {
            table.row(line.component(), line.state(), line.pid(), line.port(), line.health(), line.where(), line.log());
        }
        return table.render();
    }
}
