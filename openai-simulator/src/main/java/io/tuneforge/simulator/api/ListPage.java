package io.tuneforge.simulator.api;

import java.util.List;
import java.util.function.Function;

/** OpenAI's cursor page: {"object": "list", "data": [...], "has_more", "first_id", "last_id"}. */
public record ListPage<T>(String object, List<T> data, boolean hasMore, String firstId, String lastId) {

    /** Page of items (already in display order) starting after the cursor. */
    public static <T> ListPage<T> of(List<T> items, Function<T, String> id, String after, Integer limit, int defaultLimit) {
        int start = 0;
        if (after != null && !after.isBlank()) {
            for (int i = 0; i < items.size(); i++) {
                if (id.apply(items.get(i)).equals(after)) {
                    start = i + 1;
                    break;
                }
            }
        }
        int size = limit == null ? defaultLimit : limit;
        if (size < 1 || size > 10_000) {
            throw OpenAiErrorException.invalid("Invalid 'limit': " + size + ". Expected a value between 1 and 10000.", "limit");
        }
        int end = Math.min(items.size(), start + size);
        List<T> page = List.copyOf(items.subList(Math.min(start, end), end));
        return new ListPage<>("list", page, end < items.size(),
                page.isEmpty() ? null : id.apply(page.get(0)), page.isEmpty() ? null : id.apply(page.get(page.size() - 1)));
    }
}
