package io.cloudshop.gateway.security;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * The endpoints open without a token, as one matcher: entries {@code "GET /api/v1/products/*"} (method and path
 * pattern) or {@code "/actuator/health"} (any method), matched against the path within the application like Spring
 * Security's {@code pathMatchers}.
 *
 * <p>Hand-written because one {@code pathMatchers(...)} rule per entry makes the authorization filter try each rule in
 * turn, each as its own reactive step that looks up the Reactor context through the whole operator chain: the
 * hottest frame in a JFR profile of the gateway under {@code deploy/bench/gateway}. This matches all entries in one
 * synchronous loop.
 */
final class PublicEndpoints implements ServerWebExchangeMatcher {

    private record Entry(@Nullable HttpMethod method, PathPattern pattern) {}

    private final List<Entry> entries;

    private PublicEndpoints(List<Entry> entries) {
        this.entries = entries;
    }

    /**
     * @throws IllegalArgumentException for an entry that is neither {@code "METHOD /path"} with a standard method nor
     *     {@code "/path"}: a typo must stop the gateway from starting, not open or close an endpoint silently
     */
    static PublicEndpoints of(List<String> endpoints) {
        return new PublicEndpoints(
                endpoints.stream().map(PublicEndpoints::entry).toList());
    }

    private static Entry entry(String endpoint) {
        String[] parts = endpoint.trim().split("\\s+", 2);
        String path = parts[parts.length - 1];
        HttpMethod method = parts.length == 2 ? HttpMethod.valueOf(parts[0]) : null;
        if (!path.startsWith("/")
                || path.chars().anyMatch(Character::isWhitespace)
                || (method != null && !List.of(HttpMethod.values()).contains(method))) {
            throw new IllegalArgumentException("Not \"METHOD /path\" or \"/path\": " + endpoint);
        }
        return new Entry(method, PathPatternParser.defaultInstance.parse(path));
    }

    private boolean matches(HttpMethod method, PathContainer path) {
        for (Entry entry : entries) {
            if ((entry.method() == null || entry.method().equals(method))
                    && entry.pattern().matches(path)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Mono<MatchResult> matches(ServerWebExchange exchange) {
        return matches(
                        exchange.getRequest().getMethod(),
                        exchange.getRequest().getPath().pathWithinApplication())
                ? MatchResult.match()
                : MatchResult.notMatch();
    }
}
