package io.tuneforge.dataset.validation.format;

/** What a list of content parts adds up to: its text, the tokens of that text, and how many images. */
record ContentParts(String text, int tokens, int images) {
}
