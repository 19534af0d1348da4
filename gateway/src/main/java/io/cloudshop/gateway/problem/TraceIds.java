package io.cloudshop.gateway.problem;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.handler.TracingObservationHandler;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.web.server.ServerWebExchange;

/** The trace id of the request an exchange serves, for the {@code traceId} of the gateway's own problems. */
public final class TraceIds {

    private TraceIds() {}

    /** Null when the request is not observed (no tracer). */
    public static @Nullable String of(ServerWebExchange exchange) {
        ServerRequestObservationContext observation = ServerRequestObservationContext.findCurrent(
                        exchange.getAttributes())
                .orElse(null);
        if (observation == null) {
            return null;
        }
        TracingObservationHandler.TracingContext tracing =
                observation.get(TracingObservationHandler.TracingContext.class);
        Span span = tracing != null ? tracing.getSpan() : null;
        return span != null ? span.context().traceId() : null;
    }

    /** Adds {@code traceId} to a problem body when there is one. */
    public static void addTo(Map<String, Object> problem, ServerWebExchange exchange) {
        String traceId = of(exchange);
        if (traceId != null) {
            problem.put("traceId", traceId);
        }
    }
}
