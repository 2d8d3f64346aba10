package io.tuneforge.dataset.validation.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.tuneforge.dataset.validation.DatasetValidator;
import io.tuneforge.dataset.validation.ValidationOptions;
import io.tuneforge.dataset.validation.cookbook.CookbookSummaryJson;
import io.tuneforge.dataset.validation.report.ValidationReport;
import io.tuneforge.dataset.validation.tokens.TokenEncoding;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Validates one file from the command line. Runs every check; prints the cookbook-compatible summary (same
 * layout as shared/bench/validate.mjs, so the two outputs can be diffed), the full report as JSON, or a short
 * text report. Timing goes to stderr, as the reference does.
 *
 * <pre>
 * java -cp ... io.tuneforge.dataset.validation.bench.ValidateFileCommand FILE
 *      [--encoding o200k_base|cl100k_base] [--max-tokens 16385] [--output summary|report|text] [--threads N]
 * </pre>
 */
public final class ValidateFileCommand {

    private ValidateFileCommand() {
    }

    public static void main(String[] args) throws Exception {
        long t0 = System.nanoTime();
        String file = null;
        String output = "summary";
        ValidationOptions options = ValidationOptions.defaults();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--encoding" -> options = options.withEncoding(TokenEncoding.fromId(args[++i]));
                case "--max-tokens" -> options = options.withCookbookMaxTokensPerExample(Integer.parseInt(args[++i]));
                case "--output" -> output = args[++i];
                case "--threads" -> options = options.withParallelism(Integer.parseInt(args[++i]));
                default -> {
                    if (args[i].startsWith("--")) {
                        usage("unknown option " + args[i]);
                    }
                    file = args[i];
                }
            }
        }
        if (file == null) {
            usage("no file given");
        }
        Path path = Path.of(file);
        if (!Files.isRegularFile(path)) {
            usage("not a file: " + file);
        }
        ValidationReport report = new DatasetValidator(options).validate(path);
        switch (output) {
            case "summary" -> System.out.println(CookbookSummaryJson.write(report.cookbook().withFile(file)));
            case "report" -> System.out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(report));
            case "text" -> System.out.print(report.describe());
            default -> usage("unknown output " + output);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        long bytes = report.input().storedBytes();
        System.err.printf(Locale.ROOT, "{\"timing\":\"jtokkit\",\"process_s\":%.3f,\"MB_per_s\":%.3f,\"examples_per_s\":%.1f,\"threads\":%d}%n",
                seconds, bytes / 1e6 / seconds, report.input().examples() / seconds, options.parallelism());
    }

    private static void usage(String problem) {
        System.err.println(problem);
        System.err.println("usage: ValidateFileCommand FILE.jsonl[.gz] [--encoding o200k_base|cl100k_base] [--max-tokens 16385]"
                + " [--output summary|report|text] [--threads N]");
        System.exit(2);
    }
}
