package io.tuneforge.simulator.inference;

/** The `model` object of /v1/models. */
public record ModelObject(String id, String object, long created, String ownedBy) {}
