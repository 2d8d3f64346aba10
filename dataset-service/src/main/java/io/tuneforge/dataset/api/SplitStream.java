package io.tuneforge.dataset.api;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.tuneforge.dataset.domain.DatasetExample;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import io.tuneforge.dataset.domain.Split;

/** Writes a split as JSONL in pages keyed by line number, so memory stays flat whatever the split's size. */
class SplitStream implements StreamingOutput {

    private static final int PAGE = 500;

    private final String versionId;
    private final Split split;

    SplitStream(String versionId, Split split) {
        this.versionId = versionId;
        this.split = split;
    }

    @Override
    public void write(OutputStream output) throws IOException {
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
        long after = 0;
        while (true) {
            long cursor = after;
            List<DatasetExample> page = QuarkusTransaction.requiringNew().call(() -> DatasetExample
                    .<DatasetExample>find("key.versionId = ?1 and split = ?2 and key.lineNo > ?3 order by key.lineNo",
                            versionId, split.wireName(), cursor)
                    .page(0, PAGE).list());
            for (DatasetExample example : page) {
                out.write(example.content);
                out.write('\n');
            }
            if (page.size() < PAGE) {
                break;
            }
            after = page.get(page.size() - 1).key.lineNo();
        }
        out.flush();
    }
}
