package io.cloudshop.gateway.ratelimit;

import io.cloudshop.testsupport.MutableClock;
import java.time.Instant;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** Bucket time that stands still until a test moves it, so remaining tokens and Retry-After are exact. */
@TestConfiguration(proxyBeanMethods = false)
class FrozenTime {

    @Bean
    MutableClock clock() {
        return MutableClock.at(Instant.parse("2026-01-01T00:00:00Z"));
    }
}
