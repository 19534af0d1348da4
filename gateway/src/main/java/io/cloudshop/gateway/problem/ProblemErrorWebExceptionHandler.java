package io.cloudshop.gateway.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.webflux.error.ErrorWebExceptionHandler;
import org.springframework.cloud.gateway.support.NotFoundException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.PrematureCloseException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Answers every error that reaches the gateway's own web layer with {@code application/problem+json}, instead of
 * Boot's default JSON or a Netty error page. Errors the services answer themselves pass through untouched.
 */
class ProblemErrorWebExceptionHandler implements ErrorWebExceptionHandler {

    static final String TYPE_BASE = "https://cloudshop.io/problems/";

    /** What a 503 or 502 tells clients to wait before they retry: as the services' own 503s. */
    static final String RETRY_AFTER_SECONDS = "5";

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorWebExceptionHandler.class);

    private final JsonMapper json;

    ProblemErrorWebExceptionHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        ServerHttpResponse response = exchange.getResponse();
        if (response.isCommitted()) {
            return Mono.error(ex);
        }
        Problem problem = classify(ex);
        if (problem.status().is5xxServerError()) {
            log.warn(
                    "{} {} failed with {}: {}",
                    exchange.getRequest().getMethod(),
                    exchange.getRequest().getPath(),
                    problem.code(),
                    ex.toString());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", TYPE_BASE + problem.code().toLowerCase(Locale.ROOT).replace('_', '-'));
        body.put("title", reasonPhrase(problem.status()));
        body.put("status", problem.status().value());
        body.put("detail", problem.detail());
        body.put("instance", exchange.getRequest().getPath().value());
        body.put("code", problem.code());
        TraceIds.addTo(body, exchange);

        response.setStatusCode(problem.status());
        if (ex instanceof ResponseStatusException rse) {
            response.getHeaders().addAll(rse.getHeaders());
        }
        if ((problem.status().value() == HttpStatus.SERVICE_UNAVAILABLE.value()
                        || problem.status().value() == HttpStatus.BAD_GATEWAY.value())
                && !response.getHeaders().containsHeader(HttpHeaders.RETRY_AFTER)) {
            // A service that is down, restarting or just crashed mid-answer is usually back, and registered, within
            // seconds.
            response.getHeaders().set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        DataBuffer buffer = response.bufferFactory().wrap(bytes);
        return response.writeWith(Mono.just(buffer));
    }

    static Problem classify(Throwable ex) {
        if (ex instanceof NotFoundException) {
            // No registered instance for the route's lb:// service (the gateway's own 503, not a missing page).
            return Problem.unavailable();
        }
        if (ex instanceof ResponseStatusException rse) {
            HttpStatusCode status = rse.getStatusCode();
            if (status.value() == HttpStatus.NOT_FOUND.value()) {
                return new Problem(status, "NOT_FOUND", "No API resource matches this path.");
            }
            return new Problem(status, defaultCode(status), reasonPhrase(status) + ".");
        }
        if (hasCause(ex, ConnectException.class) || hasCause(ex, io.netty.channel.ConnectTimeoutException.class)) {
            return Problem.unavailable();
        }
        if (hasCause(ex, TimeoutException.class) || hasCause(ex, io.netty.handler.timeout.TimeoutException.class)) {
            return new Problem(HttpStatus.GATEWAY_TIMEOUT, "GATEWAY_TIMEOUT", "The service did not answer in time.");
        }
        if (hasCause(ex, PrematureCloseException.class) || hasCause(ex, IOException.class)) {
            // The instance hung up or reset the connection before its answer was complete: killed, crashed or
            // restarted mid-request. Its fault, not the gateway's; whether the request took effect is unknown.
            return new Problem(
                    HttpStatus.BAD_GATEWAY,
                    "BAD_GATEWAY",
                    "The service behind this path failed while answering. Try again shortly.");
        }
        return new Problem(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "An unexpected error occurred.");
    }

    private static boolean hasCause(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private static String defaultCode(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.name() : "HTTP_" + status.value();
    }

    private static String reasonPhrase(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known != null ? known.getReasonPhrase() : "Error";
    }

    record Problem(HttpStatusCode status, String code, String detail) {

        static Problem unavailable() {
            return new Problem(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "SERVICE_UNAVAILABLE",
                    "The service behind this path is unavailable. Try again shortly.");
        }
    }
}
