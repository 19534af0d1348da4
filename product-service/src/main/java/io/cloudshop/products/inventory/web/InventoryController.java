package io.cloudshop.products.inventory.web;

import io.cloudshop.common.problem.ApiException;
import io.cloudshop.common.web.ETags;
import io.cloudshop.products.inventory.Inventory;
import io.cloudshop.products.inventory.StockLevel;
import io.cloudshop.products.product.Product;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Admins read and change stock; the entity tag is the product's version. */
@RestController
@Validated
@RequestMapping("/api/v1/products/{id}/inventory")
@PreAuthorize("hasRole('ADMIN')")
class InventoryController {

    private final Inventory inventory;

    InventoryController(Inventory inventory) {
        this.inventory = inventory;
    }

    @GetMapping
    ResponseEntity<StockLevel> get(@PathVariable UUID id) {
        return tagged(inventory.get(id));
    }

    /** Set: requires {@code If-Match} (428 without), since an absolute value overwrites whatever happened since. */
    @PutMapping
    ResponseEntity<StockLevel> set(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody StockSetting setting) {
        Long version = ETags.versionFrom(ifMatch);
        if (version == null) {
            throw new ApiException(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "PRECONDITION_REQUIRED",
                    "Setting stock needs If-Match with the ETag you read, or use an adjustment.");
        }
        return tagged(inventory.set(id, setting.stock(), version));
    }

    /** Adjust by a signed delta; {@code If-Match} is optional, as adjustments commute. */
    @PostMapping("/adjustments")
    ResponseEntity<StockLevel> adjust(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody StockAdjustment adjustment) {
        return tagged(inventory.adjust(id, adjustment.delta(), ETags.versionFrom(ifMatch)));
    }

    private static ResponseEntity<StockLevel> tagged(StockLevel level) {
        return ResponseEntity.ok().eTag(ETags.of(level.version())).body(level);
    }

    record StockSetting(
            @NotNull @Min(0) @Max(Product.MAX_STOCK) Integer stock) {}

    record StockAdjustment(
            @NotNull @Min(-Product.MAX_STOCK) @Max(Product.MAX_STOCK)
            Integer delta) {}
}
