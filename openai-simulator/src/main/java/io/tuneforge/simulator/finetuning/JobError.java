package io.tuneforge.simulator.finetuning;

public record JobError(String code, String message, String param) {}
