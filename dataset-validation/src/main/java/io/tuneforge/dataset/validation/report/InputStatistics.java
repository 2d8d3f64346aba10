package io.tuneforge.dataset.validation.report;

/**
 * What was read.
 *
 * @param storedBytes       bytes of the upload as stored (compressed size when gzip)
 * @param contentBytes      bytes of JSONL after decompression, line terminators included
 * @param lines             physical lines
 * @param examples          lines holding one JSON value
 * @param unparsableLines   lines that are not one JSON value (invalid JSON, over-long)
 * @param chatExamples      OpenAI supervised chat examples
 * @param preferenceExamples OpenAI preference (DPO) examples
 * @param foreignExamples   examples in a recognised non-OpenAI format
 */
public record InputStatistics(long storedBytes, long contentBytes, boolean gzip, long lines, long blankLines, long examples,
                              long unparsableLines, long chatExamples, long preferenceExamples, long foreignExamples,
                              long longestLineBytes) {
}
