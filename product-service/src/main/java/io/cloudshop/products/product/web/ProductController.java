package io.cloudshop.products.product.web;

import io.cloudshop.products.product.Product;
import io.cloudshop.products.product.Products;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/products")
class ProductController {

    private final Products products;

    ProductController(Products products) {
        this.products = products;
    }

    /** Products newest first, in Spring Data's {@code {content, page}} shape. */
    @GetMapping
    @Transactional(readOnly = true)
    PagedModel<ProductView> list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")));
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
