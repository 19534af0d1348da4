package io.cloudshop.products.product;

import io.cloudshop.common.transaction.AfterCommit;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog's use cases. Single-product reads go through the {@value #CACHE} cache; every change to a product
 * evicts its entry once the change has committed (see {@link #get} for why a concurrent read cannot undo that).
 *
 * <p>Changes take the version the caller read; it is compared inside the transaction, and JPA's {@code @Version}
 * check at flush catches a writer that committed in between: either way the late writer gets
 * {@link ProductChangedException} and nothing of its change is written.
 */
@Service
public class ProductCatalog {

    public static final String CACHE = "products";

    private final Products products;
    private final EntityManager entityManager;
    private final Cache cache;

    ProductCatalog(Products products, EntityManager entityManager, CacheManager caches) {
        this.products = products;
        this.entityManager = entityManager;
        this.cache = Objects.requireNonNull(caches.getCache(CACHE), "cache " + CACHE);
    }

    /**
     * Live or soft-deleted (existing orders still refer to deleted products).
     *
     * <p>Loads through the cache's atomic get-or-compute rather than get-then-put: Caffeine makes an eviction of the
     * same key wait for a load in flight, so a read that began before a change committed cannot put the old state
     * back after the change's eviction.
     *
     * @throws ProductNotFoundException when no product has the id
     */
    public CatalogProduct get(UUID id) {
        try {
            return Objects.requireNonNull(cache.get(id, () -> current(id)));
        } catch (Cache.ValueRetrievalException ex) {
            if (ex.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw ex;
        }
    }

    /** The products with these ids that exist, live or deleted, in one query (uncached: always current). */
    @Transactional(readOnly = true)
    public List<CatalogProduct> getAll(Collection<UUID> ids) {
        return products.findByIdIn(ids).stream().map(CatalogProduct::of).toList();
    }

    /** @throws SkuTakenException when another product, live or deleted, has the sku */
    @Transactional
    public CatalogProduct create(String sku, String name, String description, String category, Money price, int stock) {
        if (products.existsBySku(sku)) {
            throw new SkuTakenException();
        }
        try {
            Product product = products.save(Product.create(sku, name, description, category, price, stock));
            entityManager.flush();
            return CatalogProduct.of(product);
        } catch (DataIntegrityViolationException ex) {
            throw new SkuTakenException(); // another request took the sku between the check and the insert
        }
    }

    /**
     * Changes name, description, category and price; a null member stays as it is (PUT passes all four).
     *
     * @throws ProductNotFoundException when no product has the id
     * @throws ProductChangedException when the product is no longer at {@code expectedVersion}
     */
    @Transactional
    public CatalogProduct change(
            UUID id,
            long expectedVersion,
            @Nullable String name,
            @Nullable String description,
            @Nullable String category,
            @Nullable Money price) {
        Product product = load(id, expectedVersion);
        product.describe(
                name != null ? name : product.name(),
                description != null ? description : product.description(),
                category != null ? category : product.category(),
                price != null ? price : product.price());
        return CatalogProduct.of(flushed(product));
    }

    /**
     * Soft delete; deleting a deleted product changes nothing.
     *
     * @throws ProductNotFoundException when no product has the id
     * @throws ProductChangedException when {@code expectedVersion} is given and the product is no longer at it
     */
    @Transactional
    public void delete(UUID id, @Nullable Long expectedVersion) {
        Product product = products.findById(id).orElseThrow(ProductNotFoundException::new);
        if (product.deleted()) {
            return;
        }
        if (expectedVersion != null && product.version() != expectedVersion) {
            throw new ProductChangedException();
        }
        product.delete();
        flushed(product);
    }

    /** For changes made outside this class (inventory): drops the cached product once the transaction commits. */
    public void evictAfterCommit(UUID id) {
        AfterCommit.run(() -> cache.evict(id));
    }

    private CatalogProduct current(UUID id) {
        return products.findById(id).map(CatalogProduct::of).orElseThrow(ProductNotFoundException::new);
    }

    private Product load(UUID id, long expectedVersion) {
        Product product = products.findById(id).orElseThrow(ProductNotFoundException::new);
        if (product.version() != expectedVersion) {
            throw new ProductChangedException();
        }
        return product;
    }

    private Product flushed(Product product) {
        try {
            entityManager.flush();
        } catch (OptimisticLockException ex) {
            throw new ProductChangedException();
        }
        evictAfterCommit(product.id());
        return product;
    }
}
