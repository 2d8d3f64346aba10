package io.tuneforge.eval.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One reviewer's verdict on one pair, stored by model (not by side): candidate, baseline or tie. */
@Entity
@Table(name = "eval_review")
public class Review extends PanacheEntityBase {

    public static final String CANDIDATE = "candidate";
    public static final String BASELINE = "baseline";
    public static final String TIE = "tie";

    @Id
    public String id;

    @Column(name = "run_id", nullable = false)
    public String runId;

    @Column(name = "pair_id", nullable = false)
    public String pairId;

    @Column(nullable = false)
    public String reviewer;

    @Column(nullable = false)
    public String preference;

    /** 1-5: how good the preferred answer is (both, for a tie); optional. */
    public Integer rating;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    public static List<Review> ofRun(String runId) {
        return list("runId", runId);
    }

    public static Optional<Review> of(String pairId, String reviewer) {
        return find("pairId = ?1 and reviewer = ?2", pairId, reviewer).firstResultOptional();
    }
}
