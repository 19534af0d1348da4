package io.cloudshop.gateway.security;

import io.cloudshop.common.security.ApiSecurityProperties;
import io.cloudshop.common.security.ResourceServerAutoConfiguration;
import io.cloudshop.gateway.problem.TraceIds;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import org.springframework.security.web.server.savedrequest.NoOpServerRequestCache;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableWebFluxSecurity
@EnableConfigurationProperties(ApiSecurityProperties.class)
class SecurityConfiguration {

    private static final String TYPE_BASE = "https://cloudshop.io/problems/";

    @Bean
    SecurityWebFilterChain gatewaySecurity(
            ServerHttpSecurity http,
            ApiSecurityProperties properties,
            JsonMapper json,
            @Value("${management.server.port:}") @Nullable Integer managementPort,
            Environment environment) {
        http.csrf(ServerHttpSecurity.CsrfSpec::disable) // bearer tokens only, no cookies
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .logout(ServerHttpSecurity.LogoutSpec::disable)
                // Stateless: no WebSession per request. Loading the security context or a saved request from a
                // session created one per anonymous request, with a hop to the bounded-elastic scheduler for its id.
                .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
                .requestCache(cache -> cache.requestCache(NoOpServerRequestCache.getInstance()))
                .authorizeExchange(exchanges -> {
                    List<String> open =
                            new ArrayList<>(List.of("/actuator/health", "/actuator/health/**", "/actuator/info"));
                    open.addAll(properties.publicEndpoints());
                    exchanges.matchers(PublicEndpoints.of(open)).permitAll();
                    if (managementPort != null && managementPort >= 0) {
                        // Prometheus scrapes without a token on the management port only, which deployments never
                        // publish outside the cluster; on the API port the actuator does not exist then.
                        exchanges
                                .matchers(exchange -> onManagementPort(exchange, environment)
                                        ? ServerWebExchangeMatchers.pathMatchers("/actuator/prometheus")
                                                .matches(exchange)
                                        : ServerWebExchangeMatcher.MatchResult.notMatch())
                                .permitAll();
                    }
                    exchanges.pathMatchers("/actuator/**").hasRole("ADMIN");
                    exchanges.anyExchange().authenticated();
                })
                .oauth2ResourceServer(server -> server.jwt(
                                jwt -> jwt.jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(
                                        ResourceServerAutoConfiguration.jwtAuthentication())))
                        .authenticationEntryPoint((exchange, ex) -> {
                            boolean invalid = ex instanceof InvalidBearerTokenException;
                            // RFC 6750 challenge; the reason a token failed stays in the logs, not the response.
                            exchange.getResponse()
                                    .getHeaders()
                                    .set("WWW-Authenticate", invalid ? "Bearer error=\"invalid_token\"" : "Bearer");
                            return write(
                                    json,
                                    exchange,
                                    HttpStatus.UNAUTHORIZED,
                                    invalid ? "INVALID_TOKEN" : "UNAUTHORIZED",
                                    invalid
                                            ? "The access token is invalid or has expired."
                                            : "A valid access token is required.");
                        })
                        .accessDeniedHandler((exchange, ex) -> write(
                                json, exchange, HttpStatus.FORBIDDEN, "FORBIDDEN", "You are not allowed to do this.")));
        return http.build();
    }

    /**
     * Requests the firewall refuses (an encoded NUL, slash or {@code ..} in the path, ...): 400, completed here so
     * that the problem filter gives the refusal its body. Spring Security's default only sets the status, and the
     * response then completes outside every filter, empty.
     */
    @Bean
    ServerExchangeRejectedHandler exchangeRejectedHandler() {
        return (exchange, rejected) -> {
            exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
            return exchange.getResponse().setComplete();
        };
    }

    /**
     * No Spring Security observations: they wrap each filter of the chain in its own observation, spans and timers
     * nobody reads, at a tenth of the gateway's CPU per request. The request's own observations (server, route,
     * upstream call) stay.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    /**
     * The same checks as every service: RS256 only, iss, aud, exp required, nbf honoured; keys from a {@link
     * JwkSetCache}, which limits how often unknown key ids make it fetch the JWK Set.
     */
    @Bean
    ReactiveJwtDecoder reactiveJwtDecoder(ApiSecurityProperties properties, ObjectProvider<Clock> clock) {
        JwkSetCache keys = new JwkSetCache(
                WebClient.create(),
                properties.jwt().jwkSetUri(),
                clock.getIfAvailable(Clock::systemUTC),
                properties.jwt().jwkRefetchInterval());
        NimbusReactiveJwtDecoder decoder = NimbusReactiveJwtDecoder.withJwkSource(keys)
                .jwsAlgorithm(SignatureAlgorithm.RS256)
                .build();
        decoder.setJwtValidator(ResourceServerAutoConfiguration.tokenValidator(properties.jwt()));
        return decoder;
    }

    private static Mono<Void> write(
            JsonMapper json, ServerWebExchange exchange, HttpStatus status, String code, String detail) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "type",
                URI.create(TYPE_BASE + code.toLowerCase().replace('_', '-')).toString());
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", exchange.getRequest().getPath().value());
        body.put("code", code);
        TraceIds.addTo(body, exchange);
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        DataBuffer buffer =
                response.bufferFactory().wrap(json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8));
        return response.writeWith(Mono.just(buffer));
    }

    /**
     * Whether the request came in on the port the management server listens on: the one it bound, so that
     * {@code management.server.port=0} (a free port) works too.
     */
    private static boolean onManagementPort(ServerWebExchange exchange, Environment environment) {
        Integer port = environment.getProperty("local.management.port", Integer.class);
        InetSocketAddress local = exchange.getRequest().getLocalAddress();
        return port != null && local != null && local.getPort() == port;
    }
}
