package io.tuneforge.dataset.split;

/** The held-out size asked for (with the validation share) leaves no example to train on; nothing is stored. */
public final class TestSizeTooLarge extends RuntimeException {

    private final TestSize test;
    private final long examples;
    private final long validation;

    TestSizeTooLarge(TestSize test, long examples, long validation) {
        super("test_size " + test + " of " + examples + " examples leaves none for training");
        this.test = test;
        this.examples = examples;
        this.validation = validation;
    }

    public TestSize test() {
        return test;
    }

    public long examples() {
        return examples;
    }

    /** Examples the validation split takes. */
    public long validation() {
        return validation;
    }
}
