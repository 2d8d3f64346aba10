package io.tuneforge.dataset.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;

import java.io.IOException;
import java.util.List;

/**
 * Reads a version's stored examples in line order, a page per short transaction, so memory stays flat
 * whatever the version's size and no transaction stays open while a slow client reads. A page is at most 500 rows
 * and about 16 MiB of content (at least one row), so long examples cannot fill the heap either.
 */
public final class ExamplePages {

    private static final int PAGE = 500;
    private static final long PAGE_BYTES = 16L << 20;

    private ExamplePages() {
    }

    @FunctionalInterface
    public interface ExampleSink {
        void accept(DatasetExample example) throws IOException;
    }

    /** Feeds every example of the version ({@code split} null: all splits) to {@code sink}, in line order. */
    public static void forEach(String versionId, Split split, ExampleSink sink) throws IOException {
        long after = 0;
        while (true) {
            long cursor = after;
            List<DatasetExample> page = QuarkusTransaction.requiringNew()
                    .call(() -> DatasetExample.pageAfter(versionId, split, cursor, PAGE, PAGE_BYTES));
            if (page.isEmpty()) {
                return;
            }
            for (DatasetExample example : page) {
                sink.accept(example);
            }
            after = page.get(page.size() - 1).key.lineNo();
        }
    }
}
