package io.tuneforge.simulator.finetuning;

import java.util.Map;

/** A `fine_tuning.job.event`: a message, or a metrics event whose data holds the step's figures. */
public record JobEvent(String object, String id, long createdAt, String level, String message, Map<String, Object> data, String type) {}
