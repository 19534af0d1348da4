package io.cloudshop.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistrar;

/**
 * Points the production token decoder at the {@link TestTokens} JWK Set. {@link TestInfrastructure} imports it; a web
 * slice ({@code @WebMvcTest}) imports it with one line and its security answers 401 and 403 exactly as the service
 * does, for real signed tokens.
 *
 * <pre>{@code @WebMvcTest(OrderController.class)
 * @Import(TestTokensConfiguration.class)}</pre>
 */
@TestConfiguration(proxyBeanMethods = false)
public class TestTokensConfiguration {

    @Bean
    static DynamicPropertyRegistrar testTokensProperties() {
        return registry -> {
            registry.add("cloudshop.security.jwt.jwk-set-uri", TestTokens::jwkSetUri);
            registry.add("cloudshop.security.jwt.issuer", () -> TestTokens.ISSUER);
            registry.add("cloudshop.security.jwt.audience", () -> TestTokens.AUDIENCE);
        };
    }
}
