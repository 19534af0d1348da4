package io.cloudshop.products.demo;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param file a JSON array of products ({@code sku, name, description, category, price {amount, currency}, stock})
 *     loaded when the catalog has never held a product; unset loads nothing
 */
@ConfigurationProperties("catalog.demo")
record DemoCatalogProperties(@Nullable Path file) {}
