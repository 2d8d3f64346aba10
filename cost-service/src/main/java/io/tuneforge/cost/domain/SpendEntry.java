package io.tuneforge.cost.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Converter;
import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;

/** One cost a tenant incurred: a training job, an eval run's calls, or production inference. */
@Entity
@Table(name = "spend_entry")
public class SpendEntry extends PanacheEntityBase {

    @Id
    @Column(name = "entry_id")
    public String entryId;

    @Column(name = "tenant_id", nullable = false)
    public String tenantId;

    @Convert(converter = KindColumn.class)
    @Column(nullable = false)
    public SpendKind kind;

    /** What was billed: the job id for training, the reporter's idempotency key for usage. */
    @Column(nullable = false)
    public String reference;

    /** The catalog model, or null when the model is not in the catalog. */
    @Column(name = "model_id")
    public String modelId;

    /** The model name as reported (a snapshot or a fine-tuned model id). */
    @Column(name = "model_name", nullable = false)
    public String modelName;

    @Column(nullable = false)
    public long tokens;

    /** The pipeline the cost is attributed to (from the reporting event), or null. */
    @Column(name = "pipeline_id")
    public String pipelineId;

    /** Null when a needed price is unknown; such entries are reported as unpriced, never as free. */
    @Column(name = "amount_usd")
    public BigDecimal amountUsd;

    @Column(name = "price_id")
    public String priceId;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    /** UTC day of {@link #occurredAt}, the unit of daily reports. */
    @Column(nullable = false)
    public LocalDate day;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    public static boolean exists(String tenantId, SpendKind kind, String reference) {
        return count("tenantId = ?1 and kind = ?2 and reference = ?3", tenantId, kind, reference) > 0;
    }

    /** Priced spend of a tenant in a UTC calendar month. */
    public static BigDecimal spentIn(String tenantId, YearMonth month) {
        return spentIn(tenantId, null, month);
    }

    /** Priced spend of a tenant (pipelineId null) or of one of its pipelines in a UTC calendar month. */
    public static BigDecimal spentIn(String tenantId, String pipelineId, YearMonth month) {
        LocalDate first = month.atDay(1);
        var query = getEntityManager().createQuery("""
                        select coalesce(sum(e.amountUsd), 0) from SpendEntry e
                        where e.tenantId = :tenant and e.day >= :first and e.day < :next"""
                        + (pipelineId == null ? "" : " and e.pipelineId = :pipeline"), BigDecimal.class)
                .setParameter("tenant", tenantId)
                .setParameter("first", first)
                .setParameter("next", first.plusMonths(1));
        if (pipelineId != null) {
            query.setParameter("pipeline", pipelineId);
        }
        BigDecimal sum = query.getSingleResult();
        return sum == null ? BigDecimal.ZERO : sum;
    }

    public static LocalDate dayOf(Instant at) {
        return at.atZone(ZoneOffset.UTC).toLocalDate();
    }

    @Converter
    public static class KindColumn implements AttributeConverter<SpendKind, String> {
        @Override
        public String convertToDatabaseColumn(SpendKind kind) {
            return kind == null ? null : kind.wireName();
        }

        @Override
        public SpendKind convertToEntityAttribute(String column) {
            return column == null ? null : SpendKind.valueOf(column.toUpperCase());
        }
    }
}
