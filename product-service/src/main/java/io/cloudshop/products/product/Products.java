package io.cloudshop.products.product;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.Repository;
import org.springframework.data.repository.query.Param;

/** The catalog's products, live and soft-deleted. Listings and search are {@link ProductSearch}'s. */
public interface Products extends Repository<Product, UUID> {

    Optional<Product> findById(UUID id);

    /** The product, its row locked until the transaction ends: a reservation checks every line before it takes any. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Product p where p.id = :id")
    Optional<Product> lockById(@Param("id") UUID id);

    /** One query for any number of ids (the batch read); soft-deleted products included. */
    List<Product> findByIdIn(Collection<UUID> ids);

    boolean existsBySku(String sku);

    /** Whether the catalog has ever held a product (soft-deleted ones count). */
    boolean existsBy();

    Product save(Product product);

    /**
     * Changes stock by {@code delta} in one statement, so concurrent adjustments add up exactly; refused (0 rows) when
     * the result would be negative. Bumps the version like any other change.
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Product p set p.stock = p.stock + :delta, p.version = p.version + 1"
            + " where p.id = :id and p.stock + :delta >= 0")
    int adjustStock(@Param("id") UUID id, @Param("delta") int delta);

    /**
     * Takes {@code quantity} for an order, in one statement: only from a live product with at least that much stock
     * (0 rows otherwise). Bumps the version like any other change.
     */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Product p set p.stock = p.stock - :quantity, p.version = p.version + 1"
            + " where p.id = :id and not p.deleted and p.stock >= :quantity")
    int reserveStock(@Param("id") UUID id, @Param("quantity") int quantity);

    /** As {@link #adjustStock}, and only while the product is at {@code version}. */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Product p set p.stock = p.stock + :delta, p.version = p.version + 1"
            + " where p.id = :id and p.stock + :delta >= 0 and p.version = :version")
    int adjustStockAtVersion(@Param("id") UUID id, @Param("delta") int delta, @Param("version") long version);

    /** Sets stock to {@code stock}, only while the product is at {@code version} (0 rows otherwise). */
    @Modifying(clearAutomatically = true, flushAutomatically = true)
    @Query("update Product p set p.stock = :stock, p.version = p.version + 1 where p.id = :id and p.version = :version")
    int setStock(@Param("id") UUID id, @Param("stock") int stock, @Param("version") long version);
}
