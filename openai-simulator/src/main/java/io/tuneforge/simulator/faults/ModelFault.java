package io.tuneforge.simulator.faults;

/**
 * Faults of one model's chat completions, whatever the path (so a gateway's candidate model can be made
 * to fail while its stable model stays healthy): {@code errorRate} of them answer 500 server_error, and
 * every one (failing or not) is served {@code latencyMs} later.
 */
public record ModelFault(double errorRate, long latencyMs) {}
