package io.tuneforge.dataset.validation.imports;

import io.tuneforge.dataset.validation.format.DatasetKind;
import java.util.List;

/**
 * What an import did: the detected (or given) source format, the OpenAI kind written, how many records were read,
 * written and skipped, which source field went where and how often, and the first skipped records with their line.
 *
 * @param recordsRead    records found in the input (JSONL lines that are not blank, or JSON array elements)
 * @param skipped        the first {@link DatasetImporter#SKIPPED_DETAIL_LIMIT} skipped records; {@code recordsSkipped} counts all
 * @param mappings       source field -> target field with the number of records that used the mapping, in first-use order
 */
public record ImportResult(SourceFormat sourceFormat, DatasetKind outputKind, long recordsRead, long recordsWritten,
                           long recordsSkipped, List<FieldMapping> mappings, List<SkippedRecord> skipped) {

    /** One mapping rule and how many converted records applied it. */
    public record FieldMapping(String from, String to, long count) {
    }

    /** A record that was not converted: its line (1-based; for a JSON array, the line where the element starts) and why. */
    public record SkippedRecord(long line, String reason) {
    }

    /** A few lines for a CLI or a log: the counts, every mapping, the first skipped records. */
    public String describe() {
        StringBuilder s = new StringBuilder();
        s.append(sourceFormat.label()).append(" -> OpenAI ").append(outputKind == DatasetKind.PREFERENCE ? "preference (DPO)" : "chat")
                .append(" JSONL: ").append(recordsWritten).append(" of ").append(recordsRead).append(" records converted, ")
                .append(recordsSkipped).append(" skipped\n");
        for (FieldMapping m : mappings) {
            s.append(String.format("  %-48s -> %-48s x%d%n", m.from(), m.to(), m.count()));
        }
        for (SkippedRecord r : skipped) {
            s.append("  skipped line ").append(r.line()).append(": ").append(r.reason()).append('\n');
        }
        return s.toString();
    }
}
