package io.tuneforge.platform.paging;

import java.util.List;
import java.util.function.Function;

/**
 * One page of a list endpoint, the same shape in every service: {@code data}, {@code has_more}, and
 * {@code next_after}, the cursor to pass as {@code ?after=} for the next page.
 */
public record Page<T>(List<T> data, boolean hasMore, String nextAfter) {

    public Page {
        data = List.copyOf(data);
    }

    /**
     * Builds a page from a query that fetched {@code limit + 1} rows ordered by id: the extra row
     * only tells whether there is more.
     */
    public static <E, T> Page<T> fromOverfetched(List<E> rows, int limit, Function<E, String> idOf, Function<E, T> view) {
        boolean more = rows.size() > limit;
        List<E> shown = more ? rows.subList(0, limit) : rows;
        String next = more ? idOf.apply(shown.get(shown.size() - 1)) : null;
        return new Page<>(shown.stream().map(view).toList(), more, next);
    }
}
