package io.tuneforge.dataset.diff;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.dataset.domain.DatasetVersion;
import io.tuneforge.dataset.domain.Split;
import io.tuneforge.dataset.domain.DatasetRefusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two versions of a dataset. Examples are matched by the engine's content fingerprint
 * (stored per example), as multisets: a line that moved is unchanged, a second copy of an example is an added
 * one. Everything is aggregated by PostgreSQL (group by fingerprint, category, split), so the service holds
 * counts, never examples or fingerprints; finding counts come from the two stored reports.
 */
@ApplicationScoped
public class VersionDiff {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    /** Examples of {@code version} not in {@code against} (added), the reverse (removed), and both (unchanged). */
    public record Examples(long added, long removed, long unchanged) {
    }

    /** A count in each version and {@code delta = version - against}. */
    public record Change(long version, long against, long delta) {
        static Change of(long version, long against) {
            return new Change(version, against, version - against);
        }
    }

    /**
     * @param tokens         tokens of all examples; {@code billable_tokens}: of the train split
     * @param categories     examples per category (only versions with categories count them)
     * @param findings       occurrences per finding code, from the two validation reports
     * @param splits         examples per split
     */
    public record Diff(String datasetId, int version, int against, Examples examples, Change exampleCount, Change tokens,
                       Change billableTokens, Map<String, Change> categories, Map<String, Change> findings,
                       Map<String, Change> splits) {
    }

    @Transactional
    public Diff between(DatasetVersion version, DatasetVersion against) {
        requireFingerprints(version);
        requireFingerprints(against);
        Object[] examples = (Object[]) em.createNativeQuery("""
                with a as (select fingerprint f, count(*) n from dataset_example where version_id = ?1 group by fingerprint),
                     b as (select fingerprint f, count(*) n from dataset_example where version_id = ?2 group by fingerprint)
                select coalesce(sum(greatest(coalesce(a.n, 0) - coalesce(b.n, 0), 0)), 0),
                       coalesce(sum(greatest(coalesce(b.n, 0) - coalesce(a.n, 0), 0)), 0),
                       coalesce(sum(least(coalesce(a.n, 0), coalesce(b.n, 0))), 0)
                from a full join b on a.f = b.f""")
                .setParameter(1, version.id).setParameter(2, against.id).getSingleResult();

        Map<String, long[]> splitsOfVersion = splits(version);
        Map<String, long[]> splitsOfAgainst = splits(against);
        Map<String, Change> splits = new LinkedHashMap<>();
        long tokensOfVersion = 0;
        long tokensOfAgainst = 0;
        for (Split split : Split.values()) {
            long[] v = splitsOfVersion.getOrDefault(split.wireName(), new long[2]);
            long[] u = splitsOfAgainst.getOrDefault(split.wireName(), new long[2]);
            splits.put(split.wireName(), Change.of(v[0], u[0]));
            tokensOfVersion += v[1];
            tokensOfAgainst += u[1];
        }
        return new Diff(version.datasetId, version.version, against.version,
                new Examples(number(examples[0]), number(examples[1]), number(examples[2])),
                Change.of(version.exampleCount, against.exampleCount),
                Change.of(tokensOfVersion, tokensOfAgainst),
                Change.of(version.billableTokens, against.billableTokens),
                changes(categories(version), categories(against)),
                changes(findingCounts(version), findingCounts(against)),
                splits);
    }

    private void requireFingerprints(DatasetVersion v) {
        Number missing = (Number) em.createNativeQuery(
                        "select count(*) from dataset_example where version_id = ?1 and fingerprint is null")
                .setParameter(1, v.id).getSingleResult();
        if (missing.longValue() > 0) {
            throw DatasetRefusal.conflict("Version predates content fingerprints", "Version " + v.version + " of " + v.datasetId
                    + " was stored before examples were fingerprinted, so it cannot be compared by content; "
                    + "upload its file again as a new version and compare that one.");
        }
    }

    private Map<String, long[]> splits(DatasetVersion v) {
        Map<String, long[]> out = new TreeMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                        "select split, count(*), coalesce(sum(tokens), 0) from dataset_example where version_id = ?1 group by split")
                .setParameter(1, v.id).getResultList();
        for (Object[] row : rows) {
            out.put((String) row[0], new long[] {number(row[1]), number(row[2])});
        }
        return out;
    }

    private Map<String, Long> categories(DatasetVersion v) {
        Map<String, Long> out = new TreeMap<>();
        if (!v.stratified) {
            return out;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select category, count(*) from dataset_example "
                        + "where version_id = ?1 and category is not null group by category")
                .setParameter(1, v.id).getResultList();
        for (Object[] row : rows) {
            out.put((String) row[0], number(row[1]));
        }
        return out;
    }

    private Map<String, Long> findingCounts(DatasetVersion v) {
        Map<String, Long> out = new TreeMap<>();
        if (v.report == null) {
            return out;
        }
        try {
            for (JsonNode tally : json.readTree(v.report).path("findings")) {
                out.merge(tally.path("code").asText(), tally.path("count").asLong(), Long::sum);
            }
        } catch (Exception e) {
            throw new IllegalStateException("stored report of " + v.id + " is unreadable", e);
        }
        return out;
    }

    private static Map<String, Change> changes(Map<String, Long> version, Map<String, Long> against) {
        Map<String, Change> out = new LinkedHashMap<>();
        TreeSet<String> keys = new TreeSet<>(version.keySet());
        keys.addAll(against.keySet());
        for (String key : keys) {
            out.put(key, Change.of(version.getOrDefault(key, 0L), against.getOrDefault(key, 0L)));
        }
        return out;
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
