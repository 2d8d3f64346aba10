package io.tuneforge.cli.demo;

/**
 * A defect put into the sample on purpose, so the demo can show validation finding it.
 *
 * @param line         1-based line of the upload
 * @param expectedCode the finding code dataset-service reports for it
 */
public record PlantedDefect(int line, String expectedCode, String description) {
}
