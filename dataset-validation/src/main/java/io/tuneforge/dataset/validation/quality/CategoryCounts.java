package io.tuneforge.dataset.validation.quality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Examples per category label, and the one rule for whether a dataset is classification-style: at least two
 * labels, labels on at least 80% of the examples, and no more than {@value #MAX_DISTINCT} distinct labels (more
 * are free text, not categories). The validator's balance check and dataset-service's stratified split both
 * decide with it, so a dataset is never "balanced" by one and "unlabelled" by the other.
 */
public final class CategoryCounts {

    public static final int MAX_DISTINCT = 200;
    private static final int LABELLED_PERCENT = 80;

    private final Map<String, Integer> ids = new HashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<Long> counts = new ArrayList<>();
    private long labelled;
    private boolean tooMany;

    /** Counts one example; returns its category's id (first seen = 0, 1, ...), or -1 for none or past the cap. */
    public int add(String label) {
        if (label == null) {
            return -1;
        }
        labelled++;
        Integer id = ids.get(label);
        if (id != null) {
            counts.set(id, counts.get(id) + 1);
            return id;
        }
        if (names.size() >= MAX_DISTINCT) {
            tooMany = true;
            return -1;
        }
        ids.put(label, names.size());
        names.add(label);
        counts.add(1L);
        return names.size() - 1;
    }

    /** Whether {@code examples} examples with these labels form categories worth balancing and stratifying by. */
    public boolean usable(long examples) {
        return !tooMany && names.size() >= 2 && labelled * 100 >= examples * LABELLED_PERCENT;
    }

    public long labelled() {
        return labelled;
    }

    public int distinct() {
        return names.size();
    }

    public String name(int id) {
        return names.get(id);
    }

    /** Examples per label, in first-seen order. */
    public Map<String, Long> asMap() {
        Map<String, Long> map = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            map.put(names.get(i), counts.get(i));
        }
        return Collections.unmodifiableMap(map);
    }
}
