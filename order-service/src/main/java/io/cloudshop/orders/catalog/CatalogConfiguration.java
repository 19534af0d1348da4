package io.cloudshop.orders.catalog;

import io.github.resilience4j.common.retry.configuration.RetryConfigCustomizer;
import org.springframework.cloud.openfeign.EnableFeignClients;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The catalog client. Timeouts, breaker and retry settings are in application.yml ({@code resilience4j.*},
 * {@code spring.cloud.openfeign.*}); here only what properties cannot say: retry only what may succeed on a second
 * try.
 */
@Configuration(proxyBeanMethods = false)
@EnableFeignClients(clients = ProductCatalogClient.class)
class CatalogConfiguration {

    @Bean
    RetryConfigCustomizer catalogRetryPolicy() {
        return RetryConfigCustomizer.of(
                "catalog",
                builder -> builder.retryOnException(
                        failure -> failure instanceof CatalogUnavailable unavailable && !unavailable.breakerOpen()));
    }
}
