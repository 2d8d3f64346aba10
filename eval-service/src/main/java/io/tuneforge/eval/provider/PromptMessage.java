package io.tuneforge.eval.provider;

/** One chat message of a prompt ({@code system}, {@code developer}, {@code user} or {@code assistant}). */
public record PromptMessage(String role, String content) {
}
