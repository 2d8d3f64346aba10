package io.tuneforge.platform.openapi;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Documents, in every service's OpenAPI, the API-key bearer scheme that {@code @SecurityRequirement(name = "apiKey")}
 * on the resources refers to, and the problem+json error shape.
 */
public class ApiKeySecurityScheme implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(OASFactory.createComponents());
        }
        openAPI.getComponents().addSecurityScheme("apiKey", OASFactory.createSecurityScheme()
                .type(SecurityScheme.Type.HTTP)
                .scheme("bearer")
                .description("A tenant API key: 'Authorization: Bearer <key>'. The key decides the tenant; "
                        + "`./tuneforge env` prints the local default tenant's key."));
    }
}
