package io.cloudshop.discovery;

import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The registry's REST API ({@code /eureka/**}: register, renew, cancel, read) and its dashboard need the registry's
 * credentials (HTTP Basic, {@code spring.security.user.*}); clients send them in their {@code EUREKA_URL}. Without
 * them anyone who reaches the port could register an instance at their own address, or delete real ones, and so
 * reroute customers' requests, bearer tokens included. Health, info and Prometheus metrics stay open for probes and
 * scrapes. No CSRF protection: clients authenticate every request with Basic credentials, never a cookie.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain registrySecurity(HttpSecurity http) {
        http.authorizeHttpRequests(
                        requests -> requests.requestMatchers(EndpointRequest.to("health", "info", "prometheus"))
                                .permitAll()
                                .anyRequest()
                                .authenticated())
                .httpBasic(Customizer.withDefaults())
                .formLogin(form -> form.disable())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS));
        return http.build();
    }
}
