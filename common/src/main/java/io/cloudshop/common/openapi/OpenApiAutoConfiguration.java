package io.cloudshop.common.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

/**
 * Describes a service's API for the gateway's Swagger UI: titled by the application name, every operation behind the
 * {@value #BEARER} scheme (public operations opt out with an empty {@code @SecurityRequirements}), and one relative
 * server, so "Try it out" calls the origin the document was fetched from: the gateway.
 */
@AutoConfiguration
@ConditionalOnClass(OpenAPI.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class OpenApiAutoConfiguration {

    /** The security scheme's name in every service's document. */
    public static final String BEARER = "bearer";

    @Bean
    @ConditionalOnMissingBean
    OpenAPI serviceOpenApi(@Value("${spring.application.name:application}") String application) {
        return new OpenAPI()
                .info(new Info()
                        .title(application)
                        .version("v1")
                        .description("Errors are application/problem+json (RFC 9457) with a stable `code`."))
                .addServersItem(new Server().url("/").description("the origin serving this document"))
                .components(new Components()
                        .addSecuritySchemes(
                                BEARER,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .bearerFormat("JWT")
                                        .description("An access token from POST /api/v1/auth/token")))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }
}
