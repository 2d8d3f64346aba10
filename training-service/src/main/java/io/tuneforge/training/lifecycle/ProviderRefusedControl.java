package io.tuneforge.training.lifecycle;

import io.tuneforge.training.provider.ProviderException;

/** The provider refused to pause or resume a job; the job is left as it was. */
public class ProviderRefusedControl extends RuntimeException {

    private final String action;
    private final String providerJobId;
    private final String accountId;

    public ProviderRefusedControl(String action, String providerJobId, String accountId, ProviderException cause) {
        super("the provider refused to " + action + " job " + providerJobId, cause);
        this.action = action;
        this.providerJobId = providerJobId;
        this.accountId = accountId;
    }

    public String action() {
        return action;
    }

    public String providerJobId() {
        return providerJobId;
    }

    public String accountId() {
        return accountId;
    }

    public ProviderException provider() {
        return (ProviderException) getCause();
    }
}
