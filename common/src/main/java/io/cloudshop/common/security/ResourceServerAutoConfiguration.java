package io.cloudshop.common.security;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import io.cloudshop.common.problem.ProblemDetailsAutoConfiguration;
import io.cloudshop.common.problem.Problems;
import java.net.MalformedURLException;
import java.util.List;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration;
import org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration;
import org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.ObjectPostProcessor;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AuthenticationEntryPointFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import tools.jackson.databind.json.JsonMapper;

/**
 * Stateless bearer-token security for servlet services: public endpoints from {@link ApiSecurityProperties}, the
 * OpenAPI and AsyncAPI documents, health and info open (probes), every other actuator endpoint for admins only, everything else
 * authenticated. With a separate management port ({@code management.server.port}, {@code MANAGEMENT_PORT} in the
 * services' configuration), Prometheus scrapes {@code /actuator/prometheus} there without a token. Method
 * security is on for per-operation rules ({@code @PreAuthorize}).
 */
@AutoConfiguration(
        after = ProblemDetailsAutoConfiguration.class,
        before = {
            ServletWebSecurityAutoConfiguration.class,
            ManagementWebSecurityAutoConfiguration.class,
            OAuth2ResourceServerAutoConfiguration.class,
            UserDetailsServiceAutoConfiguration.class
        })
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(ApiSecurityProperties.class)
@EnableWebSecurity
@EnableMethodSecurity
public class ResourceServerAutoConfiguration {

    private static final boolean ACTUATOR_PRESENT = org.springframework.util.ClassUtils.isPresent(
            "org.springframework.boot.actuate.endpoint.annotation.Endpoint",
            ResourceServerAutoConfiguration.class.getClassLoader());

    @Bean
    @ConditionalOnMissingBean
    SecurityFilterChain apiSecurityFilterChain(
            HttpSecurity http,
            ApiSecurityProperties properties,
            Problems problems,
            JsonMapper json,
            Environment environment) {
        boolean separateManagementPort = ACTUATOR_PRESENT && ManagementPort.separate(environment);
        ProblemSecurityHandlers handlers = new ProblemSecurityHandlers(problems, json);
        http.csrf(csrf -> csrf.disable()) // bearer tokens only: no cookies, no sessions, nothing to forge
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .logout(logout -> logout.disable())
                .requestCache(cache -> cache.disable())
                .authorizeHttpRequests(requests -> {
                    if (ACTUATOR_PRESENT) {
                        requests.requestMatchers(EndpointRequest.to("health", "info"))
                                .permitAll();
                        if (separateManagementPort) {
                            // Only reachable on the management port, which deployments open to the monitoring
                            // network alone (Kubernetes NetworkPolicy, an unpublished compose port).
                            requests.requestMatchers(EndpointRequest.to("prometheus"))
                                    .permitAll();
                        }
                        requests.requestMatchers(EndpointRequest.toAnyEndpoint())
                                .hasRole("ADMIN");
                    }
                    requests.requestMatchers("/error").permitAll();
                    // The API's descriptions, HTTP (OpenAPI) and events (AsyncAPI), for the gateway's catalogues.
                    requests.requestMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**", "/springwolf/docs")
                            .permitAll();
                    publicMatchers(properties.publicEndpoints())
                            .forEach(
                                    matcher -> requests.requestMatchers(matcher).permitAll());
                    requests.anyRequest().authenticated();
                })
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.jwtAuthenticationConverter(jwtAuthentication()))
                        .authenticationEntryPoint(handlers)
                        .accessDeniedHandler(handlers)
                        // A token that could not be checked (no signing keys to be had) reaches the entry point,
                        // which answers 503, instead of being rethrown into a 500.
                        .withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
                            @Override
                            public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
                                AuthenticationEntryPointFailureHandler failures =
                                        new AuthenticationEntryPointFailureHandler(handlers);
                                failures.setRethrowAuthenticationServiceException(false);
                                filter.setAuthenticationFailureHandler(failures);
                                return filter;
                            }
                        }))
                .exceptionHandling(exceptions ->
                        exceptions.authenticationEntryPoint(handlers).accessDeniedHandler(handlers));
        return http.build();
    }

    /** Spring Security's firewall refusals as 400 problems (its default rethrows them into a 500). */
    @Bean
    @ConditionalOnMissingBean
    RequestRejectedHandler problemRequestRejectedHandler(Problems problems, JsonMapper json) {
        return new ProblemSecurityHandlers(problems, json);
    }

    /**
     * No Spring Security observations: an observation around every filter of the chain and every authentication and
     * authorization, spans and timers nobody reads, paid on each request. The request's own observation stays.
     */
    @Bean
    @ConditionalOnMissingBean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * RS256 only (so {@code alg: none} and HS256 signed with the public key fail), plus iss, aud, exp and nbf. The
     * signing keys come from Nimbus's JWK source: cached for {@code jwk-cache-ttl}, fetched again for an unknown key
     * at most every {@code jwk-refetch-interval}, and kept when a fetch fails, so a user-service outage does not turn
     * into every service refusing valid tokens (Spring's default source has no outage tolerance: the fault drills
     * saw 500s for every request once its cache expired with user-service down).
     */
    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(ApiSecurityProperties properties) throws MalformedURLException {
        ApiSecurityProperties.Jwt jwt = properties.jwt();
        JWKSource<SecurityContext> keys = JWKSourceBuilder.create(
                        jwt.jwkSetUri().toURL(), new DefaultResourceRetriever(2_000, 2_000, 512 * 1024))
                .cache(jwt.jwkCacheTtl().toMillis(), 15_000)
                // Fetched again when the cache expires, by the request that finds it expired (at most the 2 s
                // timeouts above); refresh-ahead would need a time-to-live of more than 45 s.
                .refreshAheadCache(false)
                .rateLimited(jwt.jwkRefetchInterval().toMillis())
                .outageTolerantForever()
                .build();
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(
                        jwt.jwkSetUri().toString())
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .jwtProcessorCustomizer(processor -> processor.setJWSKeySelector(
                        new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, unknownKeyIsNoKey(keys))))
                .build();
        decoder.setJwtValidator(tokenValidator(properties.jwt()));
        return decoder;
    }

    /**
     * A token naming a key the JWK Set does not have makes the source fetch the set again, at most every {@code
     * jwk-refetch-interval}; within that interval the source says "rate limit reached", which would read as "cannot
     * check tokens" (503). For the token it means what the fetch would have found: no such key, an invalid token (401).
     */
    private static JWKSource<SecurityContext> unknownKeyIsNoKey(JWKSource<SecurityContext> keys) {
        return (selector, context) -> {
            try {
                return keys.get(selector, context);
            } catch (RateLimitReachedException refetchedRecently) {
                return List.of();
            }
        };
    }

    /** The checks every service applies to a correctly signed token. */
    public static OAuth2TokenValidator<Jwt> tokenValidator(ApiSecurityProperties.Jwt jwt) {
        return new DelegatingOAuth2TokenValidator<>(
                JwtValidators.createDefaultWithIssuer(jwt.issuer()),
                new JwtClaimValidator<List<String>>(
                        JwtClaimNames.AUD, audience -> audience != null && audience.contains(jwt.audience())),
                new JwtClaimValidator<Object>(JwtClaimNames.EXP, expiry -> expiry != null));
    }

    /** The {@code roles} claim as {@code ROLE_*} authorities. */
    public static JwtAuthenticationConverter jwtAuthentication() {
        JwtGrantedAuthoritiesConverter authorities = new JwtGrantedAuthoritiesConverter();
        authorities.setAuthoritiesClaimName("roles");
        authorities.setAuthorityPrefix("ROLE_");
        JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
        converter.setJwtGrantedAuthoritiesConverter(authorities);
        return converter;
    }

    /** Kept apart so the actuator stays optional: only touched when it is on the classpath. */
    private static final class ManagementPort {

        static boolean separate(Environment environment) {
            return ManagementPortType.get(environment) == ManagementPortType.DIFFERENT;
        }
    }

    static List<RequestMatcher> publicMatchers(List<String> endpoints) {
        return endpoints.stream().map(ResourceServerAutoConfiguration::matcher).toList();
    }

    private static RequestMatcher matcher(String endpoint) {
        String[] parts = endpoint.trim().split("\\s+", 2);
        if (parts.length == 2) {
            return PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.valueOf(parts[0]), parts[1]);
        }
        return PathPatternRequestMatcher.withDefaults().matcher(parts[0]);
    }
}
