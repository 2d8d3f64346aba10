package io.tuneforge.eval;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.tuneforge.eval.domain.EvalExample;
import io.tuneforge.eval.domain.EvalJudgement;
import io.tuneforge.eval.domain.EvalSample;
import io.tuneforge.eval.metrics.AnswerNormalizer;
import io.tuneforge.events.Topics;
import io.tuneforge.testsupport.PlatformTestResource;
import io.tuneforge.testsupport.TestTenants;
import io.tuneforge.testsupport.TopicProbe;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static io.tuneforge.eval.EvalFixtures.BASE_MODEL;
import static io.tuneforge.eval.EvalFixtures.LABEL_REGEX;
import static io.tuneforge.testsupport.TestTenants.bearer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/**
 * A judge wired into a run, on the simulator (whose judge verdicts come from closeness to the reference):
 * scores, the order-swapped pairwise preference, gates on both, usage on eval.completed, and a resumed
 * run that never asks the judge twice.
 */
@QuarkusTest
@QuarkusTestResource(PlatformTestResource.class)
@QuarkusTestResource(EvalSiblings.class)
class EvalJudgeTest {

    private static final String KEY = TestTenants.ACME_KEY;
    private static final String JUDGE = "gpt-4.1-mini";
    private static final Map<String, Object> TASK = Map.of("kind", "classification", "format", "regex", "regex", LABEL_REGEX);
    private static final String FIRST_LIFE = "{\"score\": 3, \"reason\": \"judged before the crash\"}";

    private static String judgedRun;

    private static synchronized String judgedRun() {
        if (judgedRun == null) {
            String datasetId = EvalFixtures.validatedDataset(KEY, EvalFixtures.tickets(200, 17, false));
            String tuned = EvalFixtures.fineTune(KEY, datasetId);
            judgedRun = EvalFixtures.startEval(KEY, Map.of("dataset_id", datasetId, "models", EvalFixtures.models(tuned, BASE_MODEL),
                    "task", TASK, "judge", Map.of("model", JUDGE, "rubric", "The answer must be the reference's label.", "pairwise", true),
                    "gates", Map.of("min_judge_score", 4.0, "min_judge_preference", 0.6)));
            EvalFixtures.awaitState(KEY, judgedRun, "completed");
        }
        return judgedRun;
    }

    @Test
    void theJudgeScoresTheFineTunedAnswersHigherAndPrefersThemInBothOrders() {
        String evalId = judgedRun();
        JsonPath report = given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + evalId + "/report")
                .then().statusCode(200).extract().jsonPath();
        int examples = report.getInt("examples");
        double tuned = report.getDouble("judge.scores.find { it.role == 'candidate' }.mean_score");
        double base = report.getDouble("judge.scores.find { it.role == 'baseline' }.mean_score");
        assertThat(tuned).as("fine-tuned answers match the references").isGreaterThanOrEqualTo(4.0).isGreaterThan(base);
        assertThat(base).as("the base model answers generically").isLessThan(2.0);
        assertThat(report.getString("judge.rubric")).isEqualTo("The answer must be the reference's label.");
        assertThat(report.getInt("judge.pairwise.candidate_wins")).isGreaterThan(report.getInt("judge.pairwise.baseline_wins"));
        assertThat(report.getDouble("judge.pairwise.preference_rate")).isGreaterThan(0.6);
        assertThat(report.getDouble("judge.pairwise.lower")).isLessThan(report.getDouble("judge.pairwise.preference_rate"));
        assertThat(report.getBoolean("gates.find { it.gate == 'judge_score' }.passed")).isTrue();
        assertThat(report.getBoolean("gates.find { it.gate == 'judge_preference' }.passed")).isTrue();
        assertThat(report.getDouble("comparison.find { it.metric == 'judge_score' }.improvement")).isPositive();

        // Per example: where the fine-tuned answer is right and the base's is not, the judge picks the
        // fine-tuned one in both orders (A when it is shown first, B when second): the verdict follows the answer.
        List<EvalJudgement> judgements = QuarkusTransaction.requiringNew().call(() -> EvalJudgement.ofRun(evalId));
        assertThat(judgements).hasSize(4 * examples);
        Map<String, String> choices = new HashMap<>();
        judgements.stream().filter(j -> j.kind.equals("pairwise")).forEach(j -> choices.put(j.subject + "/" + j.idx, j.choice));
        Map<Integer, Boolean> tunedRight = correctness(evalId, "candidate");
        Map<Integer, Boolean> baseRight = correctness(evalId, "baseline");
        int checked = 0;
        for (int idx = 0; idx < examples; idx++) {
            if (tunedRight.get(idx) && !baseRight.get(idx)) {
                assertThat(choices.get("candidate_first/" + idx)).as("example %d, fine-tuned shown as A", idx).isEqualTo("A");
                assertThat(choices.get("candidate_second/" + idx)).as("example %d, fine-tuned shown as B", idx).isEqualTo("B");
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(examples / 2);

        var event = TopicProbe.awaitRecord(Topics.EVAL_COMPLETED, Duration.ofSeconds(30), r -> evalId.equals(r.key()));
        assertThat(event).isPresent();
        assertThat(event.get().value()).contains("\"judges\":[{\"model\":\"" + JUDGE + "\",\"calls\":" + 4 * examples);
        given().header("Authorization", bearer(KEY)).queryParam("format", "markdown").when().get("/api/v1/evals/" + evalId + "/report")
                .then().statusCode(200).body(containsString("## Judge (`" + JUDGE + "`)")).body(containsString("| judge_score |"));
    }

    @Test
    void aRunResumedAfterItsWorkerDiedNeverAsksTheJudgeAgainForAFinishedJudgement() {
        String finished = judgedRun();
        // The state a worker leaves when killed while judging: every answer recorded, half of the judgements.
        String crashed = "eval_judgecrash" + System.nanoTime();
        int kept = QuarkusTransaction.requiringNew().call(() -> {
            EvalFixtures.killedCopyOf(finished, crashed);
            for (EvalSample s : EvalSample.ofRun(finished)) {
                EvalSample copy = new EvalSample();
                copy.runId = crashed;
                copy.role = s.role;
                copy.idx = s.idx;
                copy.model = s.model;
                copy.output = s.output;
                copy.latencyMs = s.latencyMs;
                copy.promptTokens = s.promptTokens;
                copy.completionTokens = s.completionTokens;
                copy.finishedAt = s.finishedAt;
                copy.persist();
            }
            int count = 0;
            for (EvalJudgement j : EvalJudgement.ofRun(finished)) {
                if (j.kind.equals("score") && j.idx % 2 == 0) {
                    EvalJudgement copy = new EvalJudgement();
                    copy.runId = crashed;
                    copy.kind = j.kind;
                    copy.subject = j.subject;
                    copy.idx = j.idx;
                    copy.judgeModel = j.judgeModel;
                    copy.reply = FIRST_LIFE;
                    copy.score = 3;
                    copy.promptTokens = 1;
                    copy.completionTokens = 1;
                    copy.finishedAt = Instant.parse("2026-01-01T00:00:00Z");
                    copy.persist();
                    count++;
                }
            }
            return count;
        });

        EvalFixtures.awaitState(KEY, crashed, "completed");

        List<EvalJudgement> judgements = QuarkusTransaction.requiringNew().call(() -> EvalJudgement.ofRun(crashed));
        int examples = given().header("Authorization", bearer(KEY)).when().get("/api/v1/evals/" + crashed)
                .then().extract().path("examples");
        assertThat(judgements).hasSize(4 * examples);
        assertThat(judgements.stream().filter(j -> FIRST_LIFE.equals(j.reply))).as("finished judgements kept, not asked again")
                .hasSize(kept).allMatch(j -> j.finishedAt.equals(Instant.parse("2026-01-01T00:00:00Z")));
        assertThat(judgements.stream().filter(j -> j.kind.equals("score") && j.idx % 2 == 1))
                .as("the rest were judged after the restart").noneMatch(j -> FIRST_LIFE.equals(j.reply)).allMatch(j -> j.score != null);
    }

    private static Map<Integer, Boolean> correctness(String evalId, String role) {
        Map<Integer, Boolean> right = new HashMap<>();
        QuarkusTransaction.requiringNew().run(() -> {
            Map<Integer, String> references = new HashMap<>();
            EvalExample.ofRun(evalId).forEach(e -> references.put(e.idx, e.reference));
            EvalSample.ofRole(evalId, role).forEach(s -> right.put(s.idx, s.output != null
                    && AnswerNormalizer.normalize(s.output).equals(AnswerNormalizer.normalize(references.get(s.idx)))));
        });
        return right;
    }
}
