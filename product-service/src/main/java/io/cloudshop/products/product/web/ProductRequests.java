package io.cloudshop.products.product.web;

import io.cloudshop.common.web.CleanText;
import io.cloudshop.products.product.CatalogProduct;
import io.cloudshop.products.product.Money;
import io.cloudshop.products.product.Product;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Bodies of the product API. Unknown members are 400 (see common), so stock cannot be set through a product edit. */
final class ProductRequests {

    static final String SKU = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

    /** For optional members that, when present, must have a visible character. */
    static final String NOT_BLANK = "(?s).*\\S.*";

    private ProductRequests() {}

    record Price(@NotNull BigDecimal amount, @NotBlank String currency) {

        Money toMoney(String field) {
            return Money.parse(field, amount, currency);
        }
    }

    record NewProduct(
            @NotBlank @Pattern(regexp = SKU, message = "must be 1-64 letters, digits, '.', '_' or '-'")
            String sku,

            @NotBlank @Size(max = 200) @Pattern(regexp = CleanText.SINGLE_LINE, message = CleanText.MESSAGE)
            String name,

            @Nullable @Size(max = 4000) @Pattern(regexp = CleanText.MULTI_LINE, message = CleanText.MESSAGE)
            String description,

            @NotBlank @Size(max = 100) @Pattern(regexp = CleanText.SINGLE_LINE, message = CleanText.MESSAGE)
            String category,

            @NotNull @Valid Price price,
            @NotNull @Min(0) @Max(Product.MAX_STOCK) Integer stock) {}

    /** PUT: every editable member. */
    record Description(
            @NotBlank @Size(max = 200) @Pattern(regexp = CleanText.SINGLE_LINE, message = CleanText.MESSAGE)
            String name,

            @NotNull @Size(max = 4000) @Pattern(regexp = CleanText.MULTI_LINE, message = CleanText.MESSAGE)
            String description,

            @NotBlank @Size(max = 100) @Pattern(regexp = CleanText.SINGLE_LINE, message = CleanText.MESSAGE)
            String category,

            @NotNull @Valid Price price) {}

    /** PATCH (JSON merge patch): absent members stay as they are; null is not a value any of them can take. */
    record Patch(
            @Nullable
            @Size(max = 200)
            @Pattern(regexp = CleanText.SINGLE_LINE, message = CleanText.MESSAGE)
            @Pattern(regexp = NOT_BLANK, message = "must not be blank")
            String name,

            @Nullable @Size(max = 4000) @Pattern(regexp = CleanText.MULTI_LINE, message = CleanText.MESSAGE)
            String description,

            @Nullable
            @Size(max = 100)
            @Pattern(regexp = CleanText.SINGLE_LINE, message = CleanText.MESSAGE)
            @Pattern(regexp = NOT_BLANK, message = "must not be blank")
            String category,

            @Nullable @Valid Price price) {}

    /** A product as the API shows it. {@code available}: live and in stock. */
    record ProductView(
            UUID id,
            String sku,
            String name,
            String description,
            String category,
            Money price,
            int stock,
            boolean available,
            boolean deleted,
            Instant createdAt) {

        static ProductView of(CatalogProduct product) {
            return new ProductView(
                    product.id(),
                    product.sku(),
                    product.name(),
                    product.description(),
                    product.category(),
                    product.price(),
                    product.stock(),
                    !product.deleted() && product.stock() > 0,
                    product.deleted(),
                    product.createdAt());
        }
    }
}
