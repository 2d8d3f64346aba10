package io.tuneforge.dataset.validation;

/** What a physical line turned out to be. */
enum LineKind {
    BLANK,
    /** Not one JSON value: invalid JSON, or a line over the size limit. */
    UNPARSABLE,
    /** One JSON value (an object or not): an example in the cookbook's counting. */
    EXAMPLE
}
