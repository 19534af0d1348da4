package io.cloudshop.gateway.tracing;

import io.cloudshop.gateway.problem.TraceIds;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.web.server.WebFilter;
import reactor.core.publisher.Mono;

@Configuration(proxyBeanMethods = false)
class TracingConfiguration {

    static final String TRACE_ID_HEADER = "X-Trace-Id";

    /**
     * Every response through the gateway names its trace in {@code X-Trace-Id}, so a client can quote it to operators:
     * routed answers, the gateway's own problems (401, 404, 429, 503) and errors alike. First of all filters, and set
     * just before the response commits, so no later filter's early answer can skip it.
     */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    WebFilter traceIdResponseHeader() {
        return (exchange, chain) -> {
            exchange.getResponse().beforeCommit(() -> {
                String traceId = TraceIds.of(exchange);
                if (traceId != null) {
                    exchange.getResponse().getHeaders().set(TRACE_ID_HEADER, traceId);
                }
                return Mono.empty();
            });
            return chain.filter(exchange);
        };
    }
}
