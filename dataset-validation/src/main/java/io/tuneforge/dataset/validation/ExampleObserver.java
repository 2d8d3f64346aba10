package io.tuneforge.dataset.validation;

import java.io.IOException;

/** Receives every example's {@link ExampleSignals}, in file order, on the thread that called the validator. */
@FunctionalInterface
public interface ExampleObserver {

    ExampleObserver NONE = signals -> { };

    void example(ExampleSignals signals) throws IOException;
}
