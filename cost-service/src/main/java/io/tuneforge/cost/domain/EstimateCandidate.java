package io.tuneforge.cost.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** The training cost of an estimated dataset version on one candidate model, with the price it used. */
@Entity
@Table(name = "training_estimate_candidate")
public class EstimateCandidate extends PanacheEntityBase {

    @Id
    @Column(name = "candidate_id")
    public String candidateId;

    @Column(name = "version_id", nullable = false)
    public String versionId;

    @Column(name = "model_id", nullable = false)
    public String modelId;

    @Column(nullable = false)
    public String snapshot;

    /** Null when the model had no price version in force. */
    @Column(name = "price_id")
    public String priceId;

    @Column(name = "training_per_million")
    public BigDecimal trainingPerMillion;

    /** Null when the training price is unknown: never priced at zero. */
    @Column(name = "cost_usd")
    public BigDecimal costUsd;

    public static List<EstimateCandidate> ofVersions(Collection<String> versionIds) {
        return versionIds.isEmpty() ? List.of() : list("versionId in ?1 order by versionId, modelId", versionIds);
    }

    public static Optional<EstimateCandidate> of(String versionId, String modelId) {
        return find("versionId = ?1 and modelId = ?2", versionId, modelId).firstResultOptional();
    }
}
