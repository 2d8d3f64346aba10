package io.tuneforge.cost.catalog;

import io.tuneforge.platform.problem.ApiProblem;
import io.tuneforge.platform.problem.Problem;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * Who may change the catalog. The catalog prices every tenant's estimates and actuals, so editing it
 * is reserved to the operators' tenants named in {@code tuneforge.cost.admin-tenants}; an admin uses
 * its ordinary API key, no second credential to manage.
 */
@ApplicationScoped
public class CatalogAdmins {

    @Inject
    CostConfig config;

    public void requireAdmin(String tenantId) {
        List<String> admins = config.adminTenants().orElse(List.of());
        if (!admins.contains(tenantId)) {
            throw new ApiProblem(Problem.of(Response.Status.FORBIDDEN, "catalog-admin-required",
                    "Catalog admin required",
                    "Tenant '" + tenantId + "' may read the model catalog but not change it. Use the API key of a tenant "
                            + "listed in tuneforge.cost.admin-tenants (TUNEFORGE_COST_ADMIN_TENANTS)."));
        }
    }
}
