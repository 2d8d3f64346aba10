package io.tuneforge.eval.clients;

import io.tuneforge.platform.tenancy.TenancyConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.MultivaluedMap;
import org.eclipse.microprofile.rest.client.ext.ClientHeadersFactory;

/**
 * Credentials of every typed client to a sibling service: this service's own key as the bearer. The
 * tenant the call acts for is a parameter of each client method ({@code X-Tuneforge-Tenant}), so it is
 * never taken from whatever request happens to be in flight.
 */
@ApplicationScoped
public class ServiceKeyHeaders implements ClientHeadersFactory {

    @Inject
    TenancyConfig config;

    @Override
    public MultivaluedMap<String, String> update(MultivaluedMap<String, String> incomingHeaders,
                                                 MultivaluedMap<String, String> clientOutgoingHeaders) {
        String key = config.serviceKey().orElseThrow(() -> new IllegalStateException(
                "tuneforge.tenancy.service-key (TUNEFORGE_TENANCY_SERVICE_KEY) is not set: this service cannot call "
                        + "other services. Set it to a key whose SHA-256 is listed in their tuneforge.tenancy.service-keys."));
        MultivaluedMap<String, String> headers = new MultivaluedHashMap<>();
        headers.putSingle("Authorization", "Bearer " + key);
        return headers;
    }
}
