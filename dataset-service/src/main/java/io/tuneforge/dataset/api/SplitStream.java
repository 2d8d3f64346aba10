package io.tuneforge.dataset.api;

import io.tuneforge.dataset.domain.ExamplePages;
import io.tuneforge.dataset.domain.Split;
import jakarta.ws.rs.core.StreamingOutput;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;

/** Writes a split as JSONL in pages keyed by line number, so memory stays flat whatever the split's size. */
class SplitStream implements StreamingOutput {

    private final String versionId;
    private final Split split;

    SplitStream(String versionId, Split split) {
        this.versionId = versionId;
        this.split = split;
    }

    @Override
    public void write(OutputStream output) throws IOException {
        BufferedWriter out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
        ExamplePages.forEach(versionId, split, example -> {
            out.write(example.content);
            out.write('\n');
        });
        out.flush();
    }
}
