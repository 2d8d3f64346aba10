package io.tuneforge.gateway.routing;

/** A model id the calling tenant may not use: answered on /v1 as OpenAI does, 404 {@code model_not_found}. */
public class ModelNotFound extends RuntimeException {

    private final String model;

    public ModelNotFound(String model) {
        super(ModelAccess.notFoundMessage(model));
        this.model = model;
    }

    public String model() {
        return model;
    }
}
