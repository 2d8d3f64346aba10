package io.tuneforge.simulator.learning;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TF-IDF vectors of training prompts (words and word pairs), searched by cosine similarity. This is
 * the "which training example does this prompt resemble" half of what a fine-tuned model learns.
 */
public final class PromptIndex {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}_]+");

    private final Map<String, Double> idf = new HashMap<>();
    private final List<Map<String, Double>> vectors = new ArrayList<>();

    public record Neighbor(int index, double similarity) {}

    /** A prompt turned into this index's vector space, reusable across searches. */
    public record Query(Map<String, Double> vector) {}

    public PromptIndex(List<String> prompts) {
        List<Map<String, Integer>> counts = new ArrayList<>();
        Map<String, Integer> documentFrequency = new HashMap<>();
        for (String prompt : prompts) {
            Map<String, Integer> termCounts = terms(prompt);
            counts.add(termCounts);
            termCounts.keySet().forEach(t -> documentFrequency.merge(t, 1, Integer::sum));
        }
        int n = prompts.size();
        documentFrequency.forEach((term, df) -> idf.put(term, Math.log((n + 1.0) / (df + 1.0)) + 1.0));
        for (Map<String, Integer> termCounts : counts) {
            vectors.add(weigh(termCounts));
        }
    }

    public int size() {
        return vectors.size();
    }

    /** The k most similar prompts among those allowed (null: all), most similar first; ties keep file order. */
    public List<Neighbor> nearest(String query, BitSet allowed, int k) {
        return nearest(query(query), allowed, k);
    }

    public Query query(String text) {
        return new Query(weigh(terms(text)));
    }

    public List<Neighbor> nearest(Query query, BitSet allowed, int k) {
        return nearest(query.vector(), allowed, k, -1);
    }

    /** As {@link #nearest(String, BitSet, int)} for a prompt of the index itself. */
    public List<Neighbor> nearestTo(int index, BitSet allowed, int k) {
        return nearest(vectors.get(index), allowed, k, -1);
    }

    private List<Neighbor> nearest(Map<String, Double> query, BitSet allowed, int k, int skip) {
        List<Neighbor> found = new ArrayList<>();
        if (query.isEmpty()) {
            return found;
        }
        for (int i = 0; i < vectors.size(); i++) {
            if (i == skip || (allowed != null && !allowed.get(i))) {
                continue;
            }
            double similarity = dot(query, vectors.get(i));
            if (similarity > 0) {
                found.add(new Neighbor(i, similarity));
            }
        }
        found.sort(Comparator.comparingDouble(Neighbor::similarity).reversed().thenComparingInt(Neighbor::index));
        return found.size() > k ? new ArrayList<>(found.subList(0, k)) : found;
    }

    private Map<String, Double> weigh(Map<String, Integer> termCounts) {
        Map<String, Double> vector = new HashMap<>();
        double norm = 0;
        for (Map.Entry<String, Integer> e : termCounts.entrySet()) {
            Double weight = idf.get(e.getKey());
            if (weight == null) {
                continue;
            }
            double w = (1 + Math.log(e.getValue())) * weight;
            vector.put(e.getKey(), w);
            norm += w * w;
        }
        double length = Math.sqrt(norm);
        vector.replaceAll((t, w) -> w / length);
        return vector;
    }

    private static double dot(Map<String, Double> a, Map<String, Double> b) {
        Map<String, Double> small = a.size() <= b.size() ? a : b;
        Map<String, Double> large = small == a ? b : a;
        double sum = 0;
        for (Map.Entry<String, Double> e : small.entrySet()) {
            Double other = large.get(e.getKey());
            if (other != null) {
                sum += e.getValue() * other;
            }
        }
        return sum;
    }

    static Map<String, Integer> terms(String text) {
        Map<String, Integer> counts = new HashMap<>();
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        String previous = null;
        while (m.find()) {
            String word = m.group();
            counts.merge(word, 1, Integer::sum);
            if (previous != null) {
                counts.merge(previous + ' ' + word, 1, Integer::sum);
            }
            previous = word;
        }
        return counts;
    }
}
