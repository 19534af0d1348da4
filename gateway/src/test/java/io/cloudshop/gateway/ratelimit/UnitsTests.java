package io.cloudshop.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class UnitsTests {

    @Test
    void aRefillPerSecondIsOneUnitPerToken() {
        assertThat(Units.of(new RateLimitProperties.Bucket(100, 50, Duration.ofSeconds(1))))
                .isEqualTo(new Units(50, 100, 1));
    }

    @Test
    void aSlowRefillCostsSeveralUnitsPerRequestWithoutRounding() {
        // 10 per minute: a token every 6 s.
        assertThat(Units.of(new RateLimitProperties.Bucket(10, 10, Duration.ofMinutes(1))))
                .isEqualTo(new Units(1, 60, 6));
        // 7 per 30 s: gcd 1, so 7 units a second and 30 a request.
        assertThat(Units.of(new RateLimitProperties.Bucket(3, 7, Duration.ofSeconds(30))))
                .isEqualTo(new Units(7, 90, 30));
    }

    @Test
    void retryAfterIsTheWholeSecondsUntilTheNextToken() {
        Units perMinute = Units.of(new RateLimitProperties.Bucket(5, 1, Duration.ofMinutes(1)));

        assertThat(perMinute.decision(false, 0)).isEqualTo(new Decision(false, 0, 60));
        assertThat(perMinute.decision(false, 30)).isEqualTo(new Decision(false, 0, 30));
        assertThat(perMinute.decision(false, 59)).isEqualTo(new Decision(false, 0, 1));
        assertThat(perMinute.decision(true, 120)).isEqualTo(new Decision(true, 2, 0));
    }

    @Test
    void periodsThatTheScriptCannotExpressAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Units.of(new RateLimitProperties.Bucket(10, 5, Duration.ofMillis(500))))
                .withMessageContaining("whole number of seconds");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Units.of(new RateLimitProperties.Bucket(0, 5, Duration.ofSeconds(1))));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Units.of(new RateLimitProperties.Bucket(1, 50, Duration.ofSeconds(1))))
                .withMessageContaining("half a second");
    }
}
