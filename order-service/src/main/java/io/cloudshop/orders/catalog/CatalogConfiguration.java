package io.cloudshop.orders.catalog;

import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import io.micrometer.context.ContextExecutorService;
import io.micrometer.context.ContextSnapshotFactory;
import java.util.concurrent.Executors;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JCircuitBreakerFactory;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalog client. Timeouts, breaker and retry settings are in application.yml ({@code resilience4j.*},
 * {@code spring.cloud.openfeign.*}); here only what properties cannot say: retry only what may succeed on a second
 * try, and the thread the time limiter runs the call on.
 */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = ProductCatalogClient.class)
class CatalogConfiguration {

    @Bean
    RetryConfigCustomizer catalogRetryPolicy() {
        return RetryConfigCustomizer.of(
                "catalog",
                builder -> builder.retryOnException(failure ->
                        failure instanceof CatalogUnavailableException unavailable && !unavailable.breakerOpen()));
    }

    /**
     * The time limiter runs the call on another thread; that thread carries the caller's context (the current trace
     * above all), so the catalog call is a span of the order's trace and sends its {@code traceparent} on.
     */
    @Bean
    Customizer<Resilience4JCircuitBreakerFactory> catalogCallsKeepTheirContext() {
        ContextSnapshotFactory snapshots = ContextSnapshotFactory.builder().build();
        return factory -> factory.configureExecutorService(
                ContextExecutorService.wrap(Executors.newVirtualThreadPerTaskExecutor(), snapshots::captureAll));
    }
}
