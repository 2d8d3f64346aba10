package io.tuneforge.eval.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One finished judge call: a 1-5 score of one model's answer ({@code kind = score}, {@code subject} = the
 * role), or one order of a pairwise comparison ({@code kind = pairwise}, {@code subject} =
 * {@code candidate_first} or {@code candidate_second}). Like samples, its presence makes a resumed run
 * skip the call.
 */
@Entity
@Table(name = "eval_judgement")
@IdClass(EvalJudgement.Key.class)
public class EvalJudgement extends PanacheEntityBase {

    public static final String SCORE = "score";
    public static final String PAIRWISE = "pairwise";
    public static final String CANDIDATE_FIRST = "candidate_first";
    public static final String CANDIDATE_SECOND = "candidate_second";

    @Id
    @Column(name = "run_id")
    public String runId;

    @Id
    public String kind;

    @Id
    public String subject;

    @Id
    public int idx;

    @Column(name = "judge_model", nullable = false)
    public String judgeModel;

    /** The judge's raw reply, kept so a verdict can be audited. */
    public String reply;

    /** The 1-5 score read from the reply; null when the reply held none (an abstention). */
    public Integer score;

    /** A, B or TIE read from the reply; null when it held none. */
    public String choice;

    @Column(name = "prompt_tokens")
    public Integer promptTokens;

    @Column(name = "completion_tokens")
    public Integer completionTokens;

    /** Why the provider gave no verdict for good; null otherwise. */
    public String error;

    @Column(name = "finished_at", nullable = false)
    public Instant finishedAt;

    public static List<EvalJudgement> ofRun(String runId) {
        return list("runId = ?1 order by kind, subject, idx", runId);
    }

    public static class Key implements Serializable {
        public String runId;
        public String kind;
        public String subject;
        public int idx;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.idx == idx && Objects.equals(k.runId, runId) && Objects.equals(k.kind, kind)
                    && Objects.equals(k.subject, subject);
        }

        @Override
        public int hashCode() {
            return Objects.hash(runId, kind, subject, idx);
        }
    }
}
