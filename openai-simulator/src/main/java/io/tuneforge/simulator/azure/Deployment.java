package io.tuneforge.simulator.azure;

/**
 * A Microsoft.CognitiveServices/accounts/deployments resource: where it lives, what it serves, its sku and
 * where it is in provisioning. Times are on the {@link AzureClock} (epoch milliseconds).
 */
public record Deployment(
        String subscription,
        String resourceGroup,
        String account,
        String name,
        String skuName,
        int capacity,
        String modelFormat,
        String modelName,
        String modelVersion,
        String provisioningState,
        long createdAt,
        long modifiedAt,
        long readyAt,
        boolean failsProvisioning,
        long lastUsedAt) {

    public static final String DEVELOPER_TIER = "developertier";

    public String key() {
        return key(subscription, resourceGroup, account, name);
    }

    public static String key(String subscription, String resourceGroup, String account, String name) {
        return (subscription + "/" + resourceGroup + "/" + account + "/" + name).toLowerCase(java.util.Locale.ROOT);
    }

    public boolean developerTier() {
        return DEVELOPER_TIER.equalsIgnoreCase(skuName);
    }

    public boolean serving() {
        return "Succeeded".equals(provisioningState);
    }

    public String resourceId() {
        return "/subscriptions/" + subscription + "/resourceGroups/" + resourceGroup + "/providers/Microsoft.CognitiveServices/accounts/"
                + account + "/deployments/" + name;
    }

    Deployment withState(String state, long at) {
        return new Deployment(subscription, resourceGroup, account, name, skuName, capacity, modelFormat, modelName, modelVersion, state,
                createdAt, at, readyAt, failsProvisioning, state.equals("Succeeded") ? at : lastUsedAt);
    }

    Deployment used(long at) {
        return new Deployment(subscription, resourceGroup, account, name, skuName, capacity, modelFormat, modelName, modelVersion,
                provisioningState, createdAt, modifiedAt, readyAt, failsProvisioning, at);
    }
}
