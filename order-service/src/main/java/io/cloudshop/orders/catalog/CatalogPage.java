package io.cloudshop.orders.catalog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * order-service's own view of product-service's answer: only the members it reads, everything else ignored (tolerant
 * reader), so product-service can add members without breaking orders.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record CatalogPage(List<Entry> content) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Entry(UUID id, String name, Price price, boolean available, boolean deleted) {}

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Price(BigDecimal amount, String currency) {}
}
