package io.cloudshop.orders.catalog;

import java.util.List;
import java.util.UUID;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * product-service's batch read ({@code GET /api/v1/products?ids=}): every named product, live or deleted, current and
 * uncached, in one call. Resolved through discovery; wrapped in a circuit breaker and time limiter by Spring Cloud
 * OpenFeign, whose fallback turns every failure into {@link CatalogUnavailable}.
 */
@FeignClient(name = "product-service", contextId = "productCatalog", fallbackFactory = CatalogFallback.class)
interface ProductCatalogClient {

    @GetMapping("/api/v1/products")
    CatalogPage products(@RequestParam("ids") List<UUID> ids, @RequestParam("size") int size);
}
