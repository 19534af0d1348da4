package io.cloudshop.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpMethod;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

class PublicEndpointsTests {

    private final PublicEndpoints open = PublicEndpoints.of(
            List.of("GET /api/v1/products", "GET /api/v1/products/*", " POST  /api/v1/users ", "/actuator/health/**"));

    @Test
    void anEntryWithAMethodOpensThatMethodOnly() {
        assertThat(matches(HttpMethod.GET, "/api/v1/products/3f2a")).isTrue();
        assertThat(matches(HttpMethod.GET, "/api/v1/products")).isTrue();
        assertThat(matches(HttpMethod.POST, "/api/v1/users")).isTrue();

        assertThat(matches(HttpMethod.DELETE, "/api/v1/products/3f2a")).isFalse();
        assertThat(matches(HttpMethod.HEAD, "/api/v1/products/3f2a")).isFalse();
        assertThat(matches(HttpMethod.GET, "/api/v1/users")).isFalse();
    }

    @Test
    void aSingleStarIsOneSegmentAndAnEntryWithoutMethodOpensEveryMethod() {
        assertThat(matches(HttpMethod.GET, "/api/v1/products/3f2a/inventory/adjustments"))
                .isFalse();
        assertThat(matches(HttpMethod.GET, "/api/v1/productsX")).isFalse();

        assertThat(matches(HttpMethod.GET, "/actuator/health/readiness")).isTrue();
        assertThat(matches(HttpMethod.POST, "/actuator/health")).isTrue();
        assertThat(matches(HttpMethod.GET, "/actuator/metrics")).isFalse();
    }

    @Test
    void anUnknownMethodOrAPathWithoutSlashIsRefusedAtStart() {
        assertThatIllegalArgumentException().isThrownBy(() -> PublicEndpoints.of(List.of("FETCH /api/v1/products")));
        assertThatIllegalArgumentException().isThrownBy(() -> PublicEndpoints.of(List.of("GET api/v1/products")));
        assertThatIllegalArgumentException().isThrownBy(() -> PublicEndpoints.of(List.of("GET /a /b")));
    }

    private boolean matches(HttpMethod method, String path) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.method(method, path).build());
        return open.matches(exchange).block().isMatch();
    }
}
