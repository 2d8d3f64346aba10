package io.tuneforge.platform.tenancy;

import jakarta.enterprise.context.RequestScoped;

/** The tenant of the REST request being served, set by {@link ApiKeyAuthentication}. */
@RequestScoped
public class CurrentTenant {

    private String id;

    void set(String tenantId) {
        this.id = tenantId;
    }

    /** The authenticated tenant's id; every tenant-owned query filters by it. */
    public String id() {
        if (id == null) {
            throw new IllegalStateException("no authenticated tenant in this request (path outside /api?)");
        }
        return id;
    }
}
