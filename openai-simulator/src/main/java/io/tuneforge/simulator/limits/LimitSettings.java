package io.tuneforge.simulator.limits;

/** The limits in force; start from configuration and can be changed at run time on /admin/limits. */
public record LimitSettings(int requestsPerMinute, int tokensPerMinute, long windowMillis, int maxActiveJobs, int maxDailyJobs) {}
