package io.tuneforge.dataset.validation;

import io.tuneforge.dataset.validation.input.CompressedInputCorruptException;
import io.tuneforge.dataset.validation.input.DatasetInput;
import io.tuneforge.dataset.validation.input.JsonlLineReader;
import io.tuneforge.dataset.validation.input.RawLine;
import io.tuneforge.dataset.validation.report.ValidationReport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Validates a JSONL upload (plain or gzip) in one streaming pass. The calling thread reads lines and folds the
 * results in file order; worker threads parse, check and tokenize batches of lines in parallel (tokenizing is
 * most of the cost). At most {@code 3 x parallelism} batches of about 1 MiB are in flight, so memory does not
 * grow with the file.
 */
public final class DatasetValidator {

    private static final int BATCH_BYTES = 1 << 20;
    private static final int BATCH_LINES = 2048;
    private static final long WORKER_STACK = 4L << 20;

    private final ValidationOptions options;
    private final LineAnalyzer analyzer;

    public DatasetValidator(ValidationOptions options) {
        this.options = options;
        this.analyzer = new LineAnalyzer(options);
    }

    public ValidationReport validate(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return validate(in, file.toString());
        }
    }

    /** Reads {@code upload} to its end (does not close it). IO errors of the stream itself propagate. */
    public ValidationReport validate(InputStream upload, String source) throws IOException {
        return validate(upload, source, ExampleObserver.NONE);
    }

    /**
     * Validates {@code upload} and hands every example's signals to {@code examples}, in file order: a caller that
     * stores the examples gets their tokens, fingerprints and category without parsing the content a second time.
     */
    public ValidationReport validate(InputStream upload, String source, ExampleObserver examples) throws IOException {
        DatasetInput input = DatasetInput.open(upload);
        JsonlLineReader reader = new JsonlLineReader(input.content(), options.maxLineBytes());
        Fold fold = new Fold(new DatasetTally(options), examples);
        if (options.parallelism() <= 1) {
            readSequentially(reader, fold);
        } else {
            readInParallel(reader, fold);
        }
        return fold.tally().report(source, input.storedBytesRead(), input.gzip());
    }

    private void readSequentially(JsonlLineReader reader, Fold fold) throws IOException {
        try {
            for (RawLine line = reader.next(); line != null; line = reader.next()) {
                fold.add(analyzer.analyze(line));
            }
        } catch (CompressedInputCorruptException e) {
            fold.tally().inputCorrupt(e.getMessage());
        }
    }

    private void readInParallel(JsonlLineReader reader, Fold fold) throws IOException {
        ExecutorService workers = Executors.newFixedThreadPool(options.parallelism(), new WorkerThreads());
        Deque<Future<List<LineAnalysis>>> inFlight = new ArrayDeque<>();
        int maxInFlight = options.parallelism() * 3;
        try {
            List<RawLine> batch = new ArrayList<>();
            long batchBytes = 0;
            try {
                for (RawLine line = reader.next(); line != null; line = reader.next()) {
                    batch.add(line);
                    batchBytes += line.storedLength();
                    if (batch.size() >= BATCH_LINES || batchBytes >= BATCH_BYTES) {
                        inFlight.add(submit(workers, batch));
                        batch = new ArrayList<>();
                        batchBytes = 0;
                        while (inFlight.size() >= maxInFlight) {
                            fold(inFlight.poll(), fold);
                        }
                    }
                }
            } catch (CompressedInputCorruptException e) {
                // Keep what was read before the corruption; report it after those lines.
                flush(workers, batch, inFlight, fold);
                fold.tally().inputCorrupt(e.getMessage());
                return;
            }
            flush(workers, batch, inFlight, fold);
        } finally {
            inFlight.forEach(f -> f.cancel(true));
            workers.shutdownNow();
        }
    }

    private void flush(ExecutorService workers, List<RawLine> batch, Deque<Future<List<LineAnalysis>>> inFlight, Fold fold)
            throws IOException {
        if (!batch.isEmpty()) {
            inFlight.add(submit(workers, batch));
        }
        while (!inFlight.isEmpty()) {
            fold(inFlight.poll(), fold);
        }
    }

    private Future<List<LineAnalysis>> submit(ExecutorService workers, List<RawLine> batch) {
        return workers.submit(() -> {
            List<LineAnalysis> out = new ArrayList<>(batch.size());
            for (RawLine line : batch) {
                out.add(analyzer.analyze(line));
            }
            return out;
        });
    }

    private static void fold(Future<List<LineAnalysis>> batch, Fold into) throws IOException {
        try {
            for (LineAnalysis a : batch.get()) {
                into.add(a);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("validation interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException("line analysis failed", e.getCause());
        }
    }

    /** The ordered fold: the report's tally, then the caller's observer. */
    private record Fold(DatasetTally tally, ExampleObserver examples) {
        void add(LineAnalysis a) throws IOException {
            tally.add(a);
            ExampleSignals signals = a.signals();
            if (signals != null) {
                examples.example(signals);
            }
        }
    }

    /** Daemon threads with a roomy stack: fingerprinting recurses over nested JSON. */
    private static final class WorkerThreads implements ThreadFactory {
        private static final AtomicInteger COUNT = new AtomicInteger();

        @Override
        public Thread newThread(Runnable r) {
            Thread t = new Thread(null, r, "dataset-validation-" + COUNT.incrementAndGet(), WORKER_STACK);
            t.setDaemon(true);
            return t;
        }
    }
}
