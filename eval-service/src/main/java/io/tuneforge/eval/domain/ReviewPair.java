package io.tuneforge.eval.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.Optional;

/**
 * A blind A/B pair for human review: the candidate's and the baseline's answer to one example, with the
 * candidate shown as A or B at random (drawn once, when the run completes, so a pair always looks the
 * same). Which side is the candidate never leaves the service.
 */
@Entity
@Table(name = "eval_review_pair")
public class ReviewPair extends PanacheEntityBase {

    @Id
    public String id;

    @Column(name = "run_id", nullable = false)
    public String runId;

    @Column(nullable = false)
    public int idx;

    /** "A" or "B". */
    @Column(name = "candidate_side", nullable = false)
    public String candidateSide;

    /** A random rank: pairs are served in this order, so reviewers do not all see the test set's order. */
    @Column(name = "serve_rank", nullable = false)
    public int serveRank;

    public static Optional<ReviewPair> ofRun(String runId, String id) {
        return find("runId = ?1 and id = ?2", runId, id).firstResultOptional();
    }

    public static long countOfRun(String runId) {
        return count("runId", runId);
    }
}
