package io.cloudshop.products.product;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A product of the catalog with its current price and the stock on hand. */
@Entity
@Table(name = "products")
public class Product {

    /** The most stock one product can hold; far above any shop's, far below int overflow. */
    public static final int MAX_STOCK = 1_000_000_000;

    @Id
    private UUID id;

    @Column(nullable = false, unique = true)
    private String sku;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private String category;

    @Column(name = "price_amount", nullable = false)
    private BigDecimal priceAmount;

    @Column(name = "price_currency", nullable = false)
    private String priceCurrency;

    @Column(nullable = false)
    private int stock;

    @Column(nullable = false)
    private boolean deleted;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected Product() {}

    /** A new, live product with its initial stock. */
    public static Product create(String sku, String name, String description, String category, Money price, int stock) {
        Product product = new Product();
        product.id = UUID.randomUUID();
        product.sku = sku;
        product.stock = stock;
        product.createdAt = Instant.now();
        product.describe(name, description, category, price);
        return product;
    }

    /** Replaces what a catalog admin edits; sku and stock have their own operations. */
    void describe(String name, String description, String category, Money price) {
        this.name = name;
        this.description = description;
        this.category = category;
        this.priceAmount = price.amount();
        this.priceCurrency = price.currency();
    }

    /** Hidden from listings from now on, but still resolvable by id (orders refer to it). */
    void delete() {
        this.deleted = true;
    }

    public boolean deleted() {
        return deleted;
    }

    /** Increases with every committed change, stock changes included; the product's entity tag. */
    public long version() {
        return version;
    }

    public Money price() {
        return new Money(priceAmount, priceCurrency);
    }

    public UUID id() {
        return id;
    }

    public String sku() {
        return sku;
    }

    public String name() {
        return name;
    }

    public String description() {
        return description;
    }

    public String category() {
        return category;
    }

    public BigDecimal priceAmount() {
        return priceAmount;
    }

    public String priceCurrency() {
        return priceCurrency;
    }

    public int stock() {
        return stock;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
