package io.tuneforge.simulator.learning;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Trains step by step on a {@link TrainingPlan} and measures each step from the data.
 *
 * <p>The model is a mixture of three token-level distributions over the assistant turn:
 * <ul>
 *   <li>retrieval: the bigram distribution of the answers of the most similar training prompts the
 *       run has already seen (memorisation: once an example has been seen, its own answer is found);
 *   <li>a smoothed bigram language model over every answer seen so far (the domain's style);
 *   <li>the base model's prior: copy a token from the prompt, or anything from the vocabulary.
 * </ul>
 * The mixture moves from the prior towards retrieval as training progresses (epochs scaled by the
 * learning-rate multiplier). Training loss therefore falls sharply once examples repeat, while
 * validation loss first falls (the domain is learned) and then rises when the run keeps trusting
 * memorised answers that do not fit unseen prompts: overfitting, visible with many epochs on little data.
 */
public final class TrainingRun {

    /** Vocabulary size of o200k_base, the uniform floor of the base prior. */
    private static final double VOCABULARY = 200_019;
    private static final int NEIGHBORS = 3;

    private final TrainingPlan plan;
    private final PromptIndex index;
    private final Encoded[] training;
    private final Encoded[] validation;
    private final PromptIndex.Query[] validationQueries;
    private final TokenBigrams corpus = new TokenBigrams();
    private final BitSet memory = new BitSet();
    private final Map<Integer, TokenBigrams> answerBigrams = new HashMap<>();
    private int stepsDone;
    private long examplesSeen;
    private int[] order;
    private int validationCursor;

    /** An example with its token sequences, tokenized once. */
    private record Encoded(TrainingExample example, int[] target, int[] rejected, Map<Integer, Integer> promptTokens, int promptLength) {}

    /** A score of one answer: summed log-probability, token count, tokens the model would have predicted. */
    private record Score(double logProbability, int tokens, int correct) {}

    public TrainingRun(TrainingPlan plan, Tokenizer tokenizer) {
        this.plan = plan;
        List<String> prompts = new ArrayList<>();
        plan.training().forEach(e -> prompts.add(e.promptText()));
        this.index = new PromptIndex(prompts);
        this.training = plan.training().stream().map(e -> encode(e, tokenizer)).toArray(Encoded[]::new);
        this.validation = plan.validation().stream().map(e -> encode(e, tokenizer)).toArray(Encoded[]::new);
        this.validationQueries = plan.validation().stream().map(e -> index.query(e.promptText())).toArray(PromptIndex.Query[]::new);
    }

    public TrainingPlan plan() {
        return plan;
    }

    public int stepsDone() {
        return stepsDone;
    }

    public boolean finished() {
        return stepsDone >= plan.totalSteps();
    }

    /** Training progress in effective epochs: how far the mixture has moved towards memorisation. */
    double progress() {
        return plan.learningRateMultiplier() / 2.0 * examplesSeen / Math.max(1, training.length);
    }

    public StepMetrics step() {
        int perEpoch = plan.stepsPerEpoch();
        int epoch = stepsDone / perEpoch;
        int within = stepsDone % perEpoch;
        if (within == 0) {
            order = shuffled(training.length, new Random(plan.seed() * 31 + epoch));
        }
        int from = within * plan.batchSize();
        int to = Math.min(training.length, from + plan.batchSize());

        double lossSum = 0;
        double correctSum = 0;
        double weightSum = 0;
        for (int i = from; i < to; i++) {
            int example = order[i];
            double[] measured = measure(training[example], index.nearestTo(example, memory, NEIGHBORS));
            lossSum += measured[0] * measured[2];
            correctSum += measured[1] * measured[2];
            weightSum += measured[2];
        }
        for (int i = from; i < to; i++) {
            int example = order[i];
            memory.set(example);
            corpus.add(training[example].target());
            examplesSeen++;
        }
        stepsDone++;

        Double validLoss = null;
        Double validAccuracy = null;
        Double fullLoss = null;
        Double fullAccuracy = null;
        boolean epochEnd = within == perEpoch - 1;
        if (validation.length > 0) {
            int size = Math.min(plan.batchSize(), validation.length);
            List<Integer> batch = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                batch.add((validationCursor + i) % validation.length);
            }
            validationCursor = (validationCursor + size) % validation.length;
            double[] v = measureValidation(batch);
            validLoss = v[0];
            validAccuracy = v[1];
            if (epochEnd) {
                List<Integer> all = new ArrayList<>();
                for (int i = 0; i < validation.length; i++) {
                    all.add(i);
                }
                double[] full = measureValidation(all);
                fullLoss = full[0];
                fullAccuracy = full[1];
            }
        }
        return new StepMetrics(stepsDone, epoch + 1, epochEnd, lossSum / Math.max(1e-9, weightSum),
                correctSum / Math.max(1e-9, weightSum), validLoss, validAccuracy, fullLoss, fullAccuracy);
    }

    /** The model as it stands: what it has memorised and how much it trusts that memory. */
    public TrainedModel model() {
        return new TrainedModel(plan.training(), index, (BitSet) memory.clone(), progress());
    }

    /**
     * The model a run of this plan holds after the given number of steps, without measuring losses:
     * which examples it has seen follows from the seeded shuffles alone.
     */
    public static TrainedModel modelAt(TrainingPlan plan, int steps) {
        List<String> prompts = new ArrayList<>();
        plan.training().forEach(e -> prompts.add(e.promptText()));
        PromptIndex index = new PromptIndex(prompts);
        int n = plan.training().size();
        BitSet seen = new BitSet();
        long examples = 0;
        int perEpoch = plan.stepsPerEpoch();
        int done = Math.min(steps, plan.totalSteps());
        for (int epoch = 0; epoch * perEpoch < done; epoch++) {
            int[] order = shuffled(n, new Random(plan.seed() * 31 + epoch));
            int stepsThisEpoch = Math.min(perEpoch, done - epoch * perEpoch);
            int upTo = Math.min(n, stepsThisEpoch * plan.batchSize());
            for (int i = 0; i < upTo; i++) {
                seen.set(order[i]);
            }
            examples += upTo;
        }
        double progress = plan.learningRateMultiplier() / 2.0 * examples / Math.max(1, n);
        return new TrainedModel(plan.training(), index, seen, progress);
    }

    private double[] measureValidation(List<Integer> batch) {
        double loss = 0;
        double correct = 0;
        double weight = 0;
        for (int i : batch) {
            double[] m = measure(validation[i], index.nearest(validationQueries[i], memory, NEIGHBORS));
            loss += m[0] * m[2];
            correct += m[1] * m[2];
            weight += m[2];
        }
        return new double[] {loss / Math.max(1e-9, weight), correct / Math.max(1e-9, weight)};
    }

    /**
     * Loss, accuracy and weight of one example. Supervised: mean token cross-entropy and mean token
     * accuracy, weighted by tokens. DPO: the DPO loss against the untrained reference, and whether the
     * preferred answer wins, weighted one per pair.
     */
    private double[] measure(Encoded e, List<PromptIndex.Neighbor> neighbors) {
        Mixture policy = mixture(e, neighbors, progress());
        Score chosen = score(policy, e.target());
        if (plan.method() == TrainingMethod.DPO && e.rejected() != null) {
            Mixture reference = new Mixture(List.of(), List.of(), 0, 0.61, 0.39, new TokenBigrams(), e);
            Score rejected = score(policy, e.rejected());
            double margin = (chosen.logProbability() - score(reference, e.target()).logProbability())
                    - (rejected.logProbability() - score(reference, e.rejected()).logProbability());
            double loss = Math.log1p(Math.exp(-plan.beta() * margin));
            return new double[] {loss, margin > 0 ? 1 : 0, 1};
        }
        int tokens = Math.max(1, chosen.tokens());
        return new double[] {-chosen.logProbability() / tokens, (double) chosen.correct() / tokens, tokens};
    }

    private Mixture mixture(Encoded e, List<PromptIndex.Neighbor> neighbors, double tau) {
        double retrieval = 0.9 * (1 - Math.exp(-tau / 1.5));
        double prior = 0.6 * Math.exp(-tau) + 0.01;
        if (neighbors.isEmpty()) {
            retrieval = 0;
        }
        double language = Math.max(0, 1 - retrieval - prior);
        List<TokenBigrams> answers = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        double total = 0;
        for (PromptIndex.Neighbor n : neighbors) {
            total += Math.pow(n.similarity(), 4);
        }
        for (PromptIndex.Neighbor n : neighbors) {
            answers.add(answerBigrams.computeIfAbsent(n.index(), i -> {
                TokenBigrams b = new TokenBigrams();
                b.add(training[i].target());
                return b;
            }));
            weights.add(total > 0 ? Math.pow(n.similarity(), 4) / total : 1.0 / neighbors.size());
        }
        return new Mixture(answers, weights, retrieval, prior, language, corpus, e);
    }

    private record Mixture(List<TokenBigrams> answers, List<Double> weights, double retrieval, double prior, double language,
                           TokenBigrams corpus, Encoded example) {

        double probability(int previous, int token) {
            double p = 0;
            if (retrieval > 0) {
                double r = 0;
                for (int i = 0; i < answers.size(); i++) {
                    TokenBigrams a = answers.get(i);
                    double unigram = (double) a.single(token) / Math.max(1, a.total());
                    int context = a.context(previous);
                    double local = context > 0 ? 0.85 * a.pair(previous, token) / context + 0.15 * unigram : unigram;
                    r += weights.get(i) * local;
                }
                p += retrieval * r;
            }
            long n = corpus.total();
            double unigram = n == 0 ? 1 / VOCABULARY : (n / (n + 50.0)) * corpus.single(token) / n + (50.0 / (n + 50.0)) / VOCABULARY;
            double bigram = (corpus.pair(previous, token) + 2 * unigram) / (corpus.context(previous) + 2);
            p += language * bigram;
            double copy = example.promptLength() == 0 ? 0 : (double) example.promptTokens().getOrDefault(token, 0) / example.promptLength();
            p += prior * (example.promptLength() == 0 ? 1 / VOCABULARY : 0.5 * copy + 0.5 / VOCABULARY);
            return Math.max(p, 1e-12);
        }

        /** The most probable next token, searched among the tokens each component favours. */
        int predict(int previous) {
            Set<Integer> candidates = new HashSet<>();
            for (TokenBigrams a : answers) {
                candidates.addAll(a.successors(previous));
            }
            int best = -1;
            int bestCount = 0;
            for (int t : corpus.successors(previous)) {
                int c = corpus.pair(previous, t);
                if (c > bestCount) {
                    bestCount = c;
                    best = t;
                }
            }
            if (best >= 0) {
                candidates.add(best);
            }
            if (corpus.mostFrequent() != TokenBigrams.START) {
                candidates.add(corpus.mostFrequent());
            }
            int bestPrompt = -1;
            int bestPromptCount = 0;
            for (Map.Entry<Integer, Integer> e : example.promptTokens().entrySet()) {
                if (e.getValue() > bestPromptCount) {
                    bestPromptCount = e.getValue();
                    bestPrompt = e.getKey();
                }
            }
            if (bestPrompt >= 0) {
                candidates.add(bestPrompt);
            }
            int argmax = -1;
            double max = -1;
            for (int t : candidates) {
                double p = probability(previous, t);
                if (p > max || (p == max && t < argmax)) {
                    max = p;
                    argmax = t;
                }
            }
            return argmax;
        }
    }

    private static Score score(Mixture mixture, int[] tokens) {
        double logProbability = 0;
        int correct = 0;
        int previous = TokenBigrams.START;
        for (int token : tokens) {
            logProbability += Math.log(mixture.probability(previous, token));
            if (mixture.predict(previous) == token) {
                correct++;
            }
            previous = token;
        }
        return new Score(logProbability, tokens.length, correct);
    }

    private static Encoded encode(TrainingExample e, Tokenizer tokenizer) {
        Map<Integer, Integer> promptTokens = new HashMap<>();
        int[] prompt = tokenizer.tokens(e.promptText());
        for (int t : prompt) {
            promptTokens.merge(t, 1, Integer::sum);
        }
        int[] rejected = e.rejected() == null ? null : tokenizer.tokens(e.rejected().learnedText());
        return new Encoded(e, tokenizer.tokens(e.target().learnedText()), rejected, promptTokens, prompt.length);
    }

    private static int[] shuffled(int n, Random random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        return order;
    }
}
