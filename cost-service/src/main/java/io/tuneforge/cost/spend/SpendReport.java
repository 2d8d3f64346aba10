package io.tuneforge.cost.spend;

import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** A tenant's spend over a range of UTC days, summed by any of day, model and kind. */
public final class SpendReport {

    /** The dimensions a report can group by, with the column each one reads. */
    public enum Dimension {
        DAY("day"), MODEL("coalesce(model_id, model_name)"), KIND("kind");

        final String column;

        Dimension(String column) {
            this.column = column;
        }

        public static Optional<Dimension> of(String name) {
            return Arrays.stream(values()).filter(d -> d.name().equalsIgnoreCase(name)).findFirst();
        }
    }

    /**
     * One group. A dimension not grouped by is null.
     *
     * @param amountUsd       priced spend
     * @param unpricedEntries entries whose price was unknown: their cost is missing from amountUsd, not zero
     */
    public record Row(LocalDate day, String model, String kind, BigDecimal amountUsd, long tokens, long entries,
                      long unpricedEntries) {
    }

    private SpendReport() {
    }

    @SuppressWarnings("unchecked")
    public static List<Row> of(EntityManager em, String tenantId, LocalDate from, LocalDate to, Set<Dimension> groupBy) {
        // Dimensions come from the enum only, never from the request text, so the SQL cannot be injected.
        List<Dimension> dims = Arrays.stream(Dimension.values()).filter(groupBy::contains).toList();
        String selected = dims.stream().map(d -> d.column + " as " + d.name().toLowerCase()).collect(Collectors.joining(", "));
        String grouped = dims.stream().map(d -> d.column).collect(Collectors.joining(", "));
        String sql = "select " + (selected.isEmpty() ? "" : selected + ", ")
                + "coalesce(sum(amount_usd), 0), sum(tokens), count(*), count(*) filter (where amount_usd is null) "
                + "from spend_entry where tenant_id = :tenant and day >= :from and day <= :to"
                + (grouped.isEmpty() ? "" : " group by " + grouped + " order by " + grouped);
        List<Object[]> rows = em.createNativeQuery(sql)
                .setParameter("tenant", tenantId)
                .setParameter("from", from)
                .setParameter("to", to)
                .getResultList();
        return rows.stream().filter(r -> ((Number) r[dims.size() + 2]).longValue() > 0).map(r -> {
            int i = 0;
            LocalDate day = null;
            String model = null;
            String kind = null;
            for (Dimension d : dims) {
                Object value = r[i++];
                switch (d) {
                    case DAY -> day = value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
                    case MODEL -> model = (String) value;
                    case KIND -> kind = (String) value;
                }
            }
            return new Row(day, model, kind, (BigDecimal) r[i], ((Number) r[i + 1]).longValue(),
                    ((Number) r[i + 2]).longValue(), ((Number) r[i + 3]).longValue());
        }).toList();
    }
}
