package io.tuneforge.simulator.files;

public record UploadPart(String id, String object, long createdAt, String uploadId) {}
