package io.cloudshop.gateway.security;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The signing keys for the gateway's token decoder: user-service's JWK Set, fetched on first use and kept; fetched
 * again when a token names a key it does not hold (a key rotation), but at most once per {@code minRefetchInterval}.
 * Until then such a token finds no key and is refused (401).
 *
 * <p>Hand-written because Spring Security's reactive JWK source fetches again for every token with an unknown
 * {@code kid}, without a limit, so tokens with made-up key ids made the gateway fetch the JWK Set on every request,
 * before any rate limit; Nimbus's rate-limited source is blocking, which the gateway's event loop cannot afford.
 * Fetching, parsing and key selection stay Spring's and Nimbus's.
 */
final class JwkSetCache implements Function<SignedJWT, Flux<JWK>> {

    /** One fetch: its keys once they arrive (a failed fetch is not kept), and when it started. */
    private record Fetch(Mono<JWKSet> keys, Instant at) {}

    private final WebClient web;
    private final URI uri;
    private final Clock clock;
    private final Duration minRefetchInterval;
    private final AtomicReference<@Nullable Fetch> latest = new AtomicReference<>();

    JwkSetCache(WebClient web, URI uri, Clock clock, Duration minRefetchInterval) {
        this.web = web;
        this.uri = uri;
        this.clock = clock;
        this.minRefetchInterval = minRefetchInterval;
    }

    @Override
    public Flux<JWK> apply(SignedJWT token) {
        JWKSelector selector = new JWKSelector(JWKMatcher.forJWSHeader(token.getHeader()));
        Fetch current = latest.get();
        if (current == null) {
            return fetchAfter(null).flatMapIterable(selector::select);
        }
        return current.keys().flatMapMany(keys -> {
            List<JWK> found = selector.select(keys);
            if (!found.isEmpty()) {
                return Flux.fromIterable(found);
            }
            if (clock.instant().isBefore(current.at().plus(minRefetchInterval))) {
                return Flux.empty();
            }
            return fetchAfter(current).flatMapIterable(selector::select);
        });
    }

    /** The fetch that follows {@code seen}: this caller's, or the one a concurrent caller started first. */
    private Mono<JWKSet> fetchAfter(@Nullable Fetch seen) {
        Fetch next = new Fetch(download(), clock.instant());
        return latest.compareAndSet(seen, next)
                ? next.keys()
                : Objects.requireNonNull(latest.get()).keys();
    }

    private Mono<JWKSet> download() {
        return web.get()
                .uri(uri)
                .retrieve()
                .bodyToMono(String.class)
                .handle((body, sink) -> {
                    try {
                        sink.next(JWKSet.parse(body));
                    } catch (ParseException ex) {
                        sink.error(new IllegalStateException("The JWK Set at " + uri + " is not valid", ex));
                    }
                })
                .cast(JWKSet.class)
                // Keys are kept; a failure or an empty answer is not (Reactor does not cache those here), so the next
                // token fetches again.
                .cacheInvalidateIf(keys -> false);
    }
}
