package io.cloudshop.products.product.web;

import io.cloudshop.common.web.SortWhitelist;
import io.cloudshop.products.product.Product;
import io.cloudshop.products.product.Products;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@SecurityRequirements // public: no bearer token in the OpenAPI document
@RestController
@Validated
@RequestMapping("/api/v1/products")
class ProductController {

    /** The sort fields the listing accepts (API name to property); anything else is 400. */
    private static final SortWhitelist SORTABLE =
            SortWhitelist.of(Map.of("name", "name", "price", "priceAmount", "createdAt", "createdAt"), "id");

    private final Products products;

    ProductController(Products products) {
        this.products = products;
    }

    /** Products newest first, in Spring Data's {@code {content, page}} shape. */
    @GetMapping
    @Transactional(readOnly = true)
    PagedModel<ProductView> list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort) {
        PageRequest request = PageRequest.of(page, size, SORTABLE.parse(sort));
        return new PagedModel<>(products.findByDeletedFalse(request).map(ProductView::of));
    }

    record Money(BigDecimal amount, String currency) {}

    record ProductView(
            UUID id,
            String sku,
            String name,
            String description,
            String category,
            Money price,
            int stock,
            Instant createdAt) {

        static ProductView of(Product product) {
            return new ProductView(
                    product.id(),
                    product.sku(),
                    product.name(),
                    product.description(),
                    product.category(),
                    new Money(product.priceAmount(), product.priceCurrency()),
                    product.stock(),
                    product.createdAt());
        }
    }
}
