package io.cloudshop.users.auth;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.SecurityContext;
import io.cloudshop.common.security.ApiSecurityProperties;
import io.cloudshop.common.security.ResourceServerAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
@EnableScheduling // Sessions#forgetExpired
class AuthConfiguration {

    /**
     * Argon2id at OWASP's first recommended setting (19 MiB, 2 iterations, 1 lane; 16-byte salt, 32-byte hash):
     * memory-hard, so GPU guessing costs far more than against bcrypt, at roughly 50-100 ms per hash on one core.
     */
    @Bean
    PasswordEncoder passwordEncoder() {
        return new Argon2PasswordEncoder(16, 32, 1, 19 * 1024, 2);
    }

    @Bean
    SigningKeys signingKeys(IdentityProperties properties) {
        return new SigningKeys(properties);
    }

    @Bean
    JwtEncoder jwtEncoder(SigningKeys keys) {
        return new NimbusJwtEncoder(new ImmutableJWKSet<SecurityContext>(new JWKSet(keys.current())));
    }

    /**
     * user-service validates tokens against its own published keys (no HTTP call to itself), with exactly the checks
     * every other service applies.
     */
    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, ApiSecurityProperties security) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(new ImmutableJWKSet<>(keys.published()))
                .jwsAlgorithms(algorithms -> {
                    algorithms.clear();
                    algorithms.add(SignatureAlgorithm.RS256);
                })
                .build();
        decoder.setJwtValidator(ResourceServerAutoConfiguration.tokenValidator(security.jwt()));
        return decoder;
    }
}
