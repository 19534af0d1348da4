package io.cloudshop.orders.catalog;

import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryRegistry;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Current prices for an order, from product-service. The read is idempotent, so a failed attempt is retried
 * ({@code resilience4j.retry.instances.catalog}) around the circuit breaker and time limiter, except when the breaker
 * is open. When the catalog still cannot answer: {@link CatalogUnavailableException}, and the caller stores nothing.
 */
@Component
public class ProductCatalog {

    /** The most products one call may name (product-service's cap). */
    public static final int MAX_IDS = 100;

    private final ProductCatalogClient client;
    private final Retry retry;

    ProductCatalog(ProductCatalogClient client, RetryRegistry retries) {
        this.client = client;
        this.retry = retries.retry("catalog");
    }

    /** What an order needs of a product. {@code orderable}: live and in stock. */
    public record PricedProduct(UUID id, String name, BigDecimal unitPrice, String currency, boolean orderable) {}

    /**
     * The products among {@code ids} that exist (live or deleted), by id.
     *
     * @throws CatalogUnavailableException when the catalog did not answer, retries included
     */
    public Map<UUID, PricedProduct> products(Collection<UUID> ids) {
        if (ids.size() > MAX_IDS) {
            throw new IllegalArgumentException("At most " + MAX_IDS + " products per call");
        }
        List<UUID> named = List.copyOf(ids);
        CatalogPage page = Retry.decorateSupplier(retry, () -> client.products(named, named.size()))
                .get();
        return page.content().stream()
                .map(entry -> new PricedProduct(
                        entry.id(),
                        entry.name(),
                        entry.price().amount(),
                        entry.price().currency(),
                        entry.available() && !entry.deleted()))
                .collect(Collectors.toMap(PricedProduct::id, Function.identity()));
    }
}
