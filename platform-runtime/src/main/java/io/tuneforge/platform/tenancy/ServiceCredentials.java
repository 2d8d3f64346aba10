package io.tuneforge.platform.tenancy;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.http.HttpRequest;

/**
 * How a service authenticates when it calls another tuneforge service on a tenant's behalf: its own
 * service key as the bearer, and the tenant in {@value #TENANT_HEADER}. The callee checks the key
 * against {@code tuneforge.tenancy.service-keys} and then scopes everything to that tenant.
 */
@ApplicationScoped
public class ServiceCredentials {

    public static final String TENANT_HEADER = "X-Tuneforge-Tenant";

    @Inject
    TenancyConfig config;

    /** Adds the service's credentials for {@code tenantId} to a request. */
    public HttpRequest.Builder authorize(HttpRequest.Builder request, String tenantId) {
        String key = config.serviceKey().orElseThrow(() -> new IllegalStateException(
                "tuneforge.tenancy.service-key (TUNEFORGE_TENANCY_SERVICE_KEY) is not set: this service cannot call "
                        + "other services. Set it to a key whose SHA-256 is listed in their tuneforge.tenancy.service-keys."));
        return request.header("Authorization", "Bearer " + key).header(TENANT_HEADER, tenantId);
    }
}
