package io.tuneforge.eval.review;

import io.tuneforge.eval.domain.EvalSample;
import io.tuneforge.eval.domain.ModelRole;
import io.tuneforge.eval.domain.ReviewPair;
import io.tuneforge.eval.report.EvalReport;
import io.tuneforge.platform.ids.EntityIds;
import jakarta.enterprise.context.ApplicationScoped;

import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;

/** Draws a run's blind A/B pairs when it completes (inside the completing transaction). */
@ApplicationScoped
public class ReviewPairs {

    // Unpredictable sides: a reviewer who could guess the pattern would no longer be blind.
    private final Random random = new SecureRandom();

    /** One pair per example that both the candidate and the baseline answered; none for a run without both. */
    public void create(String runId, EvalReport report) {
        if (report.fineTunedModel() == null) {
            return;
        }
        Map<Integer, Boolean> candidate = new HashMap<>();
        EvalSample.ofRole(runId, ModelRole.CANDIDATE.wire()).forEach(s -> candidate.put(s.idx, s.output != null));
        for (EvalSample baseline : EvalSample.ofRole(runId, ModelRole.BASELINE.wire())) {
            if (baseline.output == null || !candidate.getOrDefault(baseline.idx, false)) {
                continue;
            }
            ReviewPair pair = new ReviewPair();
            pair.id = EntityIds.next("pair");
            pair.runId = runId;
            pair.idx = baseline.idx;
            pair.candidateSide = random.nextBoolean() ? "A" : "B";
            pair.serveRank = random.nextInt(Integer.MAX_VALUE);
            pair.persist();
        }
    }
}
