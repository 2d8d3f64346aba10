package io.tuneforge.eval.provider;

/**
 * Which provider connection evaluates a run's models: the provider account the run names, looked up in
 * training-service ({@link TrainingServiceConnections}), or, without a training-service URL or an
 * account, the one connection from config ({@link ConfiguredProviderConnections}).
 */
public interface ProviderConnections {

    /**
     * @param account the provider account id or name the run names; may be null
     * @throws ProviderAccountUnusable the account does not exist: the run cannot proceed
     * @throws ProviderUnavailable     training-service did not answer: try again later
     */
    ProviderConnection connection(String tenantId, String account);
}
