package io.cloudshop.gateway.problem;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The gateway's {@code RequestRateLimiter} (429) and {@code RequestSize} (413) filters, Spring Security's firewall
 * and {@link MalformedRequestFilter} (400) refuse with an empty body; this gives those refusals the suite's problem
 * format, keeping their headers ({@code Retry-After}, rate-limit headers). Hand-written because none of them offers a
 * hook for the body.
 */
class FilterRejectionProblemFilter implements WebFilter, Ordered {

    private final JsonMapper json;

    FilterRejectionProblemFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpResponse original = exchange.getResponse();
        String path = exchange.getRequest().getPath().value();
        ServerHttpResponseDecorator response = new ServerHttpResponseDecorator(original) {
            @Override
            public Mono<Void> setComplete() {
                HttpStatusCode status = getStatusCode();
                if (isCommitted() || status == null) {
                    return super.setComplete();
                }
                Map<String, Object> body;
                if (status.value() == HttpStatus.TOO_MANY_REQUESTS.value()) {
                    body = problem(
                            HttpStatus.TOO_MANY_REQUESTS,
                            "TOO_MANY_REQUESTS",
                            "Too many requests. Retry after the time in the Retry-After header.",
                            path);
                    if (!getHeaders().containsHeader("Retry-After")) {
                        getHeaders().set("Retry-After", "1");
                    }
                } else if (status.value() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                    body = problem(
                            HttpStatus.CONTENT_TOO_LARGE,
                            "PAYLOAD_TOO_LARGE",
                            "The request body is larger than the gateway accepts.",
                            path);
                    getHeaders().remove("errorMessage"); // the filter's own wording, superseded by the body
                } else if (status.value() == HttpStatus.BAD_REQUEST.value()) {
                    body = problem(
                            HttpStatus.BAD_REQUEST,
                            "REQUEST_REJECTED",
                            "The request has characters or a shape that is not allowed.",
                            path);
                } else {
                    return super.setComplete();
                }
                TraceIds.addTo(body, exchange);
                getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
                byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
                return writeWith(Mono.just(bufferFactory().wrap(bytes)));
            }
        };
        return chain.filter(exchange.mutate().response(response).build());
    }

    private static Map<String, Object> problem(HttpStatus status, String code, String detail, String path) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put(
                "type",
                ProblemErrorWebExceptionHandler.TYPE_BASE
                        + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        body.put("title", status.getReasonPhrase());
        body.put("status", status.value());
        body.put("detail", detail);
        body.put("instance", path);
        body.put("code", code);
        return body;
    }
}
