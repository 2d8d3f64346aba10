package io.tuneforge.dataset.validation.cookbook;

/**
 * What the cookbook checks make of one parsed line: the increments of each error counter (in
 * {@link CookbookFormatCheck#CATEGORIES} order) and, for an example without format errors, its statistics.
 */
public record CookbookExample(int[] formatErrorIncrements, boolean hasFormatError,
                              int messages, int tokens, int assistantTokens, boolean hasSystem, boolean hasUser) {
}
