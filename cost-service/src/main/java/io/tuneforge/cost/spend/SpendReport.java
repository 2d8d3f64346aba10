package io.tuneforge.cost.spend;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A tenant's spend over a range of UTC days, summed by any of day, model, kind and pipeline, optionally filtered. */
public final class SpendReport {

    /** The dimensions a report can group (and filter) by, with the column each one reads. */
    public enum Dimension {
        DAY("day"), MODEL("coalesce(model_id, model_name)"), KIND("kind"), PIPELINE("pipeline_id");

        final String column;

        Dimension(String column) {
            this.column = column;
        }

        public static Optional<Dimension> of(String name) {
            return Arrays.stream(values()).filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
        }
    }

    /** Restricts a report to one kind, model (catalog id or reported name) and/or pipeline; null = any. */
    public record Filter(String kind, String model, String pipelineId) {
        public static final Filter NONE = new Filter(null, null, null);
    }

    /**
     * One group. A dimension not grouped by is null (and so is the pipeline of spend no pipeline caused).
     *
     * @param amountUsd       priced spend; null when no entry of the group has a known price (unknown, not zero)
     * @param unpricedEntries entries whose price was unknown: their cost is missing from amountUsd, not zero
     * @param unpricedTokens  the tokens of those entries
     */
    public record Row(LocalDate day, String model, String kind, String pipelineId, BigDecimal amountUsd, long tokens,
                      long entries, long unpricedEntries, long unpricedTokens) {
    }

    private SpendReport() {
    }

    public static List<Row> of(EntityManager em, String tenantId, LocalDate from, LocalDate to, Set<Dimension> groupBy) {
        return of(em, tenantId, from, to, groupBy, Filter.NONE);
    }

    @SuppressWarnings("unchecked")
    public static List<Row> of(EntityManager em, String tenantId, LocalDate from, LocalDate to, Set<Dimension> groupBy,
                               Filter filter) {
        // Dimensions come from the enum only, never from the request text, so the SQL cannot be injected.
        List<Dimension> dims = Arrays.stream(Dimension.values()).filter(groupBy::contains).toList();
        String selected = dims.stream().map(d -> d.column + " as " + d.name().toLowerCase()).collect(Collectors.joining(", "));
        String grouped = dims.stream().map(d -> d.column).collect(Collectors.joining(", "));
        String sql = "select " + (selected.isEmpty() ? "" : selected + ", ")
                + "sum(amount_usd), sum(tokens), count(*), count(*) filter (where amount_usd is null), "
                + "coalesce(sum(tokens) filter (where amount_usd is null), 0) "
                + "from spend_entry where tenant_id = :tenant and day >= :from and day <= :to"
                + (filter.kind() == null ? "" : " and kind = :kind")
                + (filter.model() == null ? "" : " and (model_id = :model or model_name = :model)")
                + (filter.pipelineId() == null ? "" : " and pipeline_id = :pipeline")
                + (grouped.isEmpty() ? "" : " group by " + grouped + " order by " + grouped);
        Query query = em.createNativeQuery(sql)
                .setParameter("tenant", tenantId)
                .setParameter("from", from)
                .setParameter("to", to);
        if (filter.kind() != null) {
            query.setParameter("kind", filter.kind());
        }
        if (filter.model() != null) {
            query.setParameter("model", filter.model());
        }
        if (filter.pipelineId() != null) {
            query.setParameter("pipeline", filter.pipelineId());
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().filter(r -> ((Number) r[dims.size() + 2]).longValue() > 0).map(r -> {
            int i = 0;
            LocalDate day = null;
            String model = null;
            String kind = null;
            String pipeline = null;
            for (Dimension d : dims) {
                Object value = r[i++];
                switch (d) {
                    case DAY -> day = value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
                    case MODEL -> model = (String) value;
                    case KIND -> kind = (String) value;
                    case PIPELINE -> pipeline = (String) value;
                }
            }
            return new Row(day, model, kind, pipeline, (BigDecimal) r[i], ((Number) r[i + 1]).longValue(),
                    ((Number) r[i + 2]).longValue(), ((Number) r[i + 3]).longValue(), ((Number) r[i + 4]).longValue());
        }).toList();
    }
}
