package io.tuneforge.cost.api;

/**
 * Upper bounds of the token and request counts the REST API accepts. Each is far above any real load and
 * chosen so that every product the service computes from them (requests x tokens, tokens x epochs) fits a
 * {@code long}, and every amount it stores (tokens x a catalog price) fits its {@code numeric(24,12)}
 * column: a bigger value is a 400 naming the field, never an overflow.
 */
public final class Bounds {

    /** Tokens of one epoch, or trained tokens of one run (OpenAI's largest training file is far below). */
    public static final long TRAINING_TOKENS = 1_000_000_000_000L;

    /** Examples in one training file. */
    public static final long TRAIN_EXAMPLES = 1_000_000_000L;

    /** Tokens of one request (10x the largest context window). */
    public static final long TOKENS_PER_REQUEST = 10_000_000L;

    /** Requests per month: times {@link #TOKENS_PER_REQUEST} stays below {@link Long#MAX_VALUE}. */
    public static final long REQUESTS_PER_MONTH = 100_000_000_000L;

    /**
     * Tokens of each kind in one usage record: three of them at the catalog's highest storable price
     * (99,999,999.999999 USD per 1M) stay below the amount column's 10^12 USD.
     */
    public static final long USAGE_TOKENS = 3_000_000_000L;

    private Bounds() {
    }
}
