package io.tuneforge.eval.review;

import java.util.Locale;

import io.tuneforge.platform.json.JsonColumns;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tuneforge.eval.domain.EvalExample;
import io.tuneforge.eval.domain.EvalNotFound;
import io.tuneforge.eval.domain.EvalRun;
import io.tuneforge.eval.domain.EvalSample;
import io.tuneforge.eval.domain.EvalSpec;
import io.tuneforge.eval.domain.EvalState;
import io.tuneforge.eval.domain.GateSettings;
import io.tuneforge.eval.domain.ModelRole;
import io.tuneforge.eval.domain.Review;
import io.tuneforge.eval.domain.ReviewPair;
import io.tuneforge.eval.gates.GateDecision;
import io.tuneforge.eval.gates.QualityGates;
import io.tuneforge.eval.provider.PromptMessage;
import io.tuneforge.eval.report.EvalReport;
import io.tuneforge.eval.run.RunLedger;
import io.tuneforge.events.eval.GateOutcome;
import io.tuneforge.platform.ids.EntityIds;
import io.tuneforge.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Blind A/B review of a completed run. Reviewers see two answers as A and B, never which model gave
 * which; a verdict is stored by model. Every verdict re-decides the run in the same transaction: the
 * {@code human_preference} gate is (re)computed from all verdicts so far, the report updated, and when
 * the decision changes a fresh {@code eval.completed} goes out through the outbox.
 */
@ApplicationScoped
public class HumanReviews {

    public static final String ANONYMOUS = "anonymous";

    @Inject
    EntityManager em;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Inject
    ObjectMapper json;

    @Inject
    JsonColumns columns;

    /** A pair to review: the prompt, the reference and two answers, sides as drawn for this pair. */
    public record PairView(String pairId, List<PromptMessage> prompt, String reference, String a, String b, Progress progress) {
    }

    public record Progress(long pairs, long reviewedPairs, long reviewedByYou) {
    }

    public record Verdict(String pairId, String preference, Integer rating, String reviewer) {
    }

    /** What a submitted verdict led to: the review so far and the run's decision now. */
    public record Submitted(String id, String pairId, String preference, Integer rating, String reviewer, HumanReviewSummary summary,
                            String decision, boolean decisionChanged) {
    }

    /**
     * @param gate       the human-preference gate as it stands, null while fewer than {@code minReviews} verdicts exist
     * @param minReviews verdicts needed before the gate counts in the decision
     */
    public record Summary(String evalId, String decision, HumanReviewSummary review, GateOutcome gate, int minReviews) {
    }

    @Transactional
    public Optional<PairView> next(String tenantId, String evalId, String reviewer) {
        EvalRun run = reviewable(tenantId, evalId);
        String who = reviewerOr(reviewer);
        @SuppressWarnings("unchecked")
        List<String> ids = em.createNativeQuery("select p.id from eval_review_pair p where p.run_id = :run and not exists "
                        + "(select 1 from eval_review r where r.pair_id = p.id and r.reviewer = :reviewer) "
                        + "order by (select count(*) from eval_review r2 where r2.pair_id = p.id), p.serve_rank limit 1")
                .setParameter("run", run.id).setParameter("reviewer", who).getResultList();
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        ReviewPair pair = ReviewPair.findById(ids.get(0));
        EvalExample example = EvalExample.find("runId = ?1 and idx = ?2", run.id, pair.idx).firstResult();
        String candidate = output(run.id, ModelRole.CANDIDATE, pair.idx);
        String baseline = output(run.id, ModelRole.BASELINE, pair.idx);
        boolean candidateIsA = pair.candidateSide.equals("A");
        return Optional.of(new PairView(pair.id, prompt(example), example.reference, candidateIsA ? candidate : baseline,
                candidateIsA ? baseline : candidate, progress(run.id, who)));
    }

    @Transactional
    public Submitted submit(String tenantId, String evalId, Verdict verdict) {
        EvalRun run = reviewable(tenantId, evalId);
        if (verdict.pairId() == null || verdict.preference() == null) {
            throw new InvalidVerdict("Incomplete review", "a review needs 'pair_id' (from GET .../reviews/next) and "
                    + "'preference': \"A\", \"B\" or \"tie\"");
        }
        String side = verdict.preference().trim().toUpperCase(Locale.ROOT);
        if (!List.of("A", "B", "TIE").contains(side)) {
            throw new InvalidVerdict("Invalid preference", "'preference' must be \"A\", \"B\" or \"tie\", got '" + verdict.preference() + "'");
        }
        if (verdict.rating() != null && (verdict.rating() < 1 || verdict.rating() > 5)) {
            throw new InvalidVerdict("Invalid rating", "'rating' is optional and, when given, 1-5 (how good the preferred answer is), got "
                    + verdict.rating());
        }
        ReviewPair pair = ReviewPair.ofRun(run.id, verdict.pairId()).orElseThrow(() -> new EvalNotFound("review pair", verdict.pairId()));
        // Verdicts of one run are applied one at a time, so the re-decision always sees every verdict.
        em.refresh(run, LockModeType.PESSIMISTIC_WRITE);
        String who = reviewerOr(verdict.reviewer());
        Review review = Review.of(pair.id, who).orElseGet(() -> {
            Review fresh = new Review();
            fresh.id = EntityIds.next("rev");
            fresh.runId = run.id;
            fresh.pairId = pair.id;
            fresh.reviewer = who;
            return fresh;
        });
        review.preference = side.equals("TIE") ? Review.TIE : side.equals(pair.candidateSide) ? Review.CANDIDATE : Review.BASELINE;
        review.rating = verdict.rating();
        review.createdAt = clock.instant();
        review.persist();
        em.flush();

        HumanReviewSummary summary = HumanReviewSummary.of(ReviewPair.countOfRun(run.id), Review.ofRun(run.id));
        EvalReport report = columns.read(run.report, EvalReport.class);
        EvalSpec spec = columns.read(run.spec, EvalSpec.class);
        List<GateOutcome> gates = new ArrayList<>(report.gates().stream().filter(g -> !g.gate().equals("human_preference")).toList());
        if (QualityGates.humanGateDecides(spec.gates(), summary.reviews())) {
            gates.add(QualityGates.humanPreference(spec.gates(), summary.preference()));
        }
        String decision = QualityGates.decisionOf(gates);
        EvalReport updated = report.withHumanReview(summary, gates, decision);
        run.report = columns.write(updated);
        boolean changed = !decision.equals(run.decision);
        if (changed) {
            run.decision = decision;
            outbox.publish(run.tenantId, RunLedger.completedEvent(run, updated));
        }
        return new Submitted(review.id, pair.id, side.equals("TIE") ? "tie" : side, review.rating, who, summary, decision, changed);
    }

    @Transactional
    public Summary summary(String tenantId, String evalId) {
        EvalRun run = reviewable(tenantId, evalId);
        HumanReviewSummary summary = HumanReviewSummary.of(ReviewPair.countOfRun(run.id), Review.ofRun(run.id));
        EvalSpec spec = columns.read(run.spec, EvalSpec.class);
        GateOutcome gate = QualityGates.humanGateDecides(spec.gates(), summary.reviews())
                ? QualityGates.humanPreference(spec.gates(), summary.preference()) : null;
        int minReviews = (spec.gates() == null ? GateSettings.DEFAULTS : spec.gates().withDefaults()).minHumanReviews();
        return new Summary(run.id, run.decision, summary, gate, minReviews);
    }

    private EvalRun reviewable(String tenantId, String evalId) {
        EvalRun run = EvalRun.ofTenant(tenantId, evalId).orElseThrow(() -> new EvalNotFound("evaluation", evalId));
        if (run.evalState() != EvalState.COMPLETED) {
            throw new NotReviewable("Evaluation not completed", "Evaluation " + evalId + " is " + run.state
                    + "; its answers can be reviewed once it is completed.");
        }
        if (GateDecision.BASELINE_ONLY.equals(run.decision)) {
            throw new NotReviewable("Nothing to compare", "Evaluation " + evalId + " is a baseline-only run: human review "
                    + "compares a fine-tuned model with its base, so start a run with a candidate and a baseline.");
        }
        return run;
    }

    private Progress progress(String runId, String reviewer) {
        long pairs = ReviewPair.countOfRun(runId);
        long reviewed = ((Number) em.createNativeQuery("select count(distinct pair_id) from eval_review where run_id = :run")
                .setParameter("run", runId).getSingleResult()).longValue();
        long mine = Review.count("runId = ?1 and reviewer = ?2", runId, reviewer);
        return new Progress(pairs, reviewed, mine);
    }

    private static String output(String runId, ModelRole role, int idx) {
        EvalSample sample = EvalSample.find("runId = ?1 and role = ?2 and idx = ?3", runId, role.wire(), idx).firstResult();
        return sample == null ? "" : sample.output;
    }

    private List<PromptMessage> prompt(EvalExample example) {
        try {
            return json.readValue(example.prompt, new TypeReference<List<PromptMessage>>() { });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String reviewerOr(String reviewer) {
        return reviewer == null || reviewer.isBlank() ? ANONYMOUS : reviewer.trim();
    }


}
