package io.cloudshop.gateway.problem;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Refuses (400, as a problem through {@link FilterRejectionProblemFilter}) a request whose path or query does not
 * percent-decode to UTF-8, before it is routed: forwarded, it would reach a service's servlet container, which answers
 * such a URI with its own HTML error page or fails decoding its parameters. Hand-written because neither Spring
 * Security's firewall nor Reactor Netty checks the encoding of what a URI's escapes decode to.
 */
class MalformedRequestFilter implements WebFilter, Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // inside FilterRejectionProblemFilter, so the refusal gets a body
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var uri = exchange.getRequest().getURI();
        if (decodesToUtf8(uri.getRawPath()) && decodesToUtf8(uri.getRawQuery())) {
            return chain.filter(exchange);
        }
        exchange.getResponse().setStatusCode(HttpStatus.BAD_REQUEST);
        return exchange.getResponse().setComplete();
    }

    /** Whether the percent-escapes of {@code raw} decode to well-formed UTF-8 (a malformed escape does not). */
    static boolean decodesToUtf8(@Nullable String raw) {
        if (raw == null || raw.indexOf('%') < 0) {
            return true;
        }
        ByteBuffer bytes = ByteBuffer.allocate(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (c == '%') {
                if (i + 2 >= raw.length()) {
                    return false;
                }
                int high = Character.digit(raw.charAt(i + 1), 16);
                int low = Character.digit(raw.charAt(i + 2), 16);
                if (high < 0 || low < 0) {
                    return false;
                }
                bytes.put((byte) (high << 4 | low));
                i += 2;
            } else if (c < 0x80) {
                bytes.put((byte) c);
            } else {
                return false; // a raw URI is ASCII; anything else arrived unescaped
            }
        }
        bytes.flip();
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes);
            return true;
        } catch (CharacterCodingException malformed) {
            return false;
        }
    }
}
