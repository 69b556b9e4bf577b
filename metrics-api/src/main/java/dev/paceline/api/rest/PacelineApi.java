package dev.paceline.api.rest;

import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeIn;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.security.SecuritySchemes;

/** The OpenAPI header: title and the two ways to present an API key. */
@OpenAPIDefinition(info = @Info(title = "Paceline metrics-api", version = "1",
        description = "Training metrics from the Paceline serving snapshot. JSON by default, CSV with Accept: text/csv "
                + "or format=csv. Every answer carries ETag = the build id (If-None-Match gives 304) and Paceline-As-Of."))
@SecuritySchemes({
    @SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
            description = "Authorization: Bearer <API key>"),
    @SecurityScheme(securitySchemeName = "apiKey", type = SecuritySchemeType.APIKEY, in = SecuritySchemeIn.HEADER,
            apiKeyName = "X-API-Key", description = "X-API-Key: <API key>")
})
public class PacelineApi extends Application {
}
