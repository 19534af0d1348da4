package io.cloudshop.products.product;

import java.math.BigDecimal;
import org.jspecify.annotations.Nullable;

/**
 * What a listing narrows by; every member is optional.
 *
 * @param q full-text search over name and description, in web-search syntax ({@code "red kettle" -steel})
 * @param minPrice inclusive lower bound of the amount
 * @param maxPrice inclusive upper bound of the amount
 * @param currency only prices in this currency
 * @param inStock true: stock above zero; false: sold out
 */
public record ProductFilter(
        @Nullable String q,
        @Nullable String category,
        @Nullable BigDecimal minPrice,
        @Nullable BigDecimal maxPrice,
        @Nullable String currency,
        @Nullable Boolean inStock) {}
