package io.cloudshop.orders.catalog;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.springframework.cloud.openfeign.FallbackFactory;
import org.springframework.stereotype.Component;

/** Fails fast and says why: every failure of the catalog call becomes {@link CatalogUnavailableException}. */
@Component
class CatalogFallback implements FallbackFactory<ProductCatalogClient> {

    @Override
    public ProductCatalogClient create(Throwable cause) {
        return (ids, size) -> {
            throw new CatalogUnavailableException(cause, cause instanceof CallNotPermittedException);
        };
    }
}
