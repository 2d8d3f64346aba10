package io.tuneforge.simulator.finetuning;

/**
 * What the simulator tracks about a job beyond the API object: when its current phase is due, how far
 * training got, and the resolved plan (so a restart replays the very same run).
 */
public record JobProgress(
        long dueAt,
        int stepsDone,
        int totalSteps,
        int epochs,
        int batchSize,
        double learningRateMultiplier,
        double beta,
        int failAtStep,
        String idempotencyKey) {

    public static JobProgress created(long dueAt, String idempotencyKey) {
        return new JobProgress(dueAt, 0, 0, 0, 0, 0, 0, -1, idempotencyKey);
    }

    public JobProgress due(long at) {
        return new JobProgress(at, stepsDone, totalSteps, epochs, batchSize, learningRateMultiplier, beta, failAtStep, idempotencyKey);
    }

    public JobProgress stepped(int steps, long nextDue) {
        return new JobProgress(nextDue, steps, totalSteps, epochs, batchSize, learningRateMultiplier, beta, failAtStep, idempotencyKey);
    }

    public JobProgress planned(int total, int n, int batch, double lr, double b, int failAt, long at) {
        return new JobProgress(at, 0, total, n, batch, lr, b, failAt, idempotencyKey);
    }
}
