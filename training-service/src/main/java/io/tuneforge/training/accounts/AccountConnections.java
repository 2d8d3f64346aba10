package io.tuneforge.training.accounts;

import io.tuneforge.training.domain.ProviderAccount;
import io.tuneforge.training.provider.ProviderConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Opens an account's sealed key into a {@link ProviderConnection} for the duration of a provider call. */
@ApplicationScoped
public class AccountConnections {

    @Inject
    ApiKeyVault vault;

    public ProviderConnection of(ProviderAccount account) {
        return new ProviderConnection(account.id, account.kind, account.baseUrl, vault.open(account.id, account.apiKeySealed),
                account.organization, account.project, account.azureApiVersion, account.requestsPerMinute, account.updatedAt);
    }
}
