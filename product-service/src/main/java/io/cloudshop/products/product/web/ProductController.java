package io.cloudshop.products.product.web;

import io.cloudshop.common.problem.ApiException;
import io.cloudshop.common.web.ETags;
import io.cloudshop.common.web.SortWhitelist;
import io.cloudshop.products.product.CatalogProduct;
import io.cloudshop.products.product.Money;
import io.cloudshop.products.product.ProductCatalog;
import io.cloudshop.products.product.ProductFilter;
import io.cloudshop.products.product.ProductSearch;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The catalog API: public reads (listing, search, batch by ids, one product with an entity tag) and admin writes,
 * which must name the version they change ({@code If-Match}; 428 without, 412 when stale).
 */
@RestController
@Validated
@RequestMapping("/api/v1/products")
class ProductController {

    /** The sort fields the listing accepts (API name to property); anything else is 400. */
    private static final SortWhitelist SORTABLE =
            SortWhitelist.of(Map.of("name", "name", "price", "priceAmount", "createdAt", "createdAt"), "id");

    /** How many products one batch read may name. */
    static final int MAX_IDS = 100;

    /** How long clients and shared caches may reuse a product without asking again; see the README. */
    static final CacheControl PRODUCT_CACHING =
            CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic().mustRevalidate();

    private final ProductCatalog catalog;
    private final ProductSearch search;

    ProductController(ProductCatalog catalog, ProductSearch search) {
        this.catalog = catalog;
        this.search = search;
    }

    /**
     * Live products, filtered and paged. Without {@code sort}: by relevance when searching ({@code q}), newest first
     * otherwise. With {@code ids}: exactly those products (live or deleted, current, one query) and no other filter.
     */
    @GetMapping
    @SecurityRequirements
    PagedModel<ProductRequests.ProductView> list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(required = false) @Nullable String sort,
            @RequestParam(required = false) @Nullable @Size(min = 1, max = 200) String q,
            @RequestParam(required = false) @Nullable @Size(max = 100) String category,
            @RequestParam(required = false) @Nullable @DecimalMin("0") BigDecimal minPrice,
            @RequestParam(required = false) @Nullable @DecimalMin("0") BigDecimal maxPrice,
            @RequestParam(required = false) @Nullable @Pattern(regexp = "[A-Z]{3}") String currency,
            @RequestParam(required = false) @Nullable Boolean inStock,
            @RequestParam(required = false) @Nullable @Size(min = 1, max = MAX_IDS) List<@NotNull UUID> ids) {
        if (ids != null) {
            return batch(ids);
        }
        if (minPrice != null && maxPrice != null && minPrice.compareTo(maxPrice) > 0) {
            throw ApiException.invalid("minPrice", "must not be greater than maxPrice");
        }
        Sort order = sort == null ? Sort.unsorted() : SORTABLE.parse(sort);
        ProductFilter filter =
                new ProductFilter(q == null || q.isBlank() ? null : q, category, minPrice, maxPrice, currency, inStock);
        return new PagedModel<>(search.search(filter, PageRequest.of(page, size, order))
                .map(product -> ProductRequests.ProductView.of(CatalogProduct.of(product))));
    }

    private PagedModel<ProductRequests.ProductView> batch(List<UUID> ids) {
        List<UUID> distinct = List.copyOf(new LinkedHashSet<>(ids));
        List<ProductRequests.ProductView> found = catalog.getAll(distinct).stream()
                .sorted(Comparator.comparingInt(product -> distinct.indexOf(product.id())))
                .map(ProductRequests.ProductView::of)
                .toList();
        return new PagedModel<>(new PageImpl<>(found, PageRequest.of(0, Math.max(1, found.size())), found.size()));
    }

    /** Cached in the service; {@code ETag} from the version, {@code If-None-Match} answered 304. */
    @GetMapping("/{id}")
    @SecurityRequirements
    ResponseEntity<ProductRequests.ProductView> get(@PathVariable UUID id) {
        CatalogProduct product = catalog.get(id);
        return ResponseEntity.ok()
                .eTag(ETags.of(product.version()))
                .cacheControl(PRODUCT_CACHING)
                .body(ProductRequests.ProductView.of(product));
    }

    @PostMapping
    @PreAuthorize("hasRole('ADMIN')")
    @SecurityRequirement(name = "bearer")
    ResponseEntity<ProductRequests.ProductView> create(@Valid @RequestBody ProductRequests.NewProduct product) {
        CatalogProduct created = catalog.create(
                product.sku(),
                product.name().strip(),
                product.description() == null ? "" : product.description().strip(),
                product.category().strip(),
                product.price().toMoney("price"),
                product.stock());
        return ResponseEntity.created(URI.create("/api/v1/products/" + created.id()))
                .eTag(ETags.of(created.version()))
                .body(ProductRequests.ProductView.of(created));
    }

    @PutMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @SecurityRequirement(name = "bearer")
    ResponseEntity<ProductRequests.ProductView> replace(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ProductRequests.Description change) {
        long version = requiredVersion(ifMatch);
        Money price = change.price().toMoney("price");
        return tagged(catalog.change(
                id,
                version,
                change.name().strip(),
                change.description().strip(),
                change.category().strip(),
                price));
    }

    @PatchMapping(
            path = "/{id}",
            consumes = {"application/merge-patch+json", "application/json"})
    @PreAuthorize("hasRole('ADMIN')")
    @SecurityRequirement(name = "bearer")
    ResponseEntity<ProductRequests.ProductView> patch(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody ProductRequests.Patch patch) {
        long version = requiredVersion(ifMatch);
        Money price = patch.price() == null ? null : patch.price().toMoney("price");
        return tagged(catalog.change(
                id,
                version,
                patch.name() == null ? null : patch.name().strip(),
                patch.description() == null ? null : patch.description().strip(),
                patch.category() == null ? null : patch.category().strip(),
                price));
    }

    /** Soft delete: hidden from listings, still readable by id. 204 also when already deleted. */
    @DeleteMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    @SecurityRequirement(name = "bearer")
    ResponseEntity<Void> delete(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch) {
        catalog.delete(id, ETags.versionFrom(ifMatch));
        return ResponseEntity.noContent().build();
    }

    private static ResponseEntity<ProductRequests.ProductView> tagged(CatalogProduct product) {
        return ResponseEntity.ok().eTag(ETags.of(product.version())).body(ProductRequests.ProductView.of(product));
    }

    /** Edits overwrite what they do not mention only when the client has seen the current version. */
    private static long requiredVersion(@Nullable String ifMatch) {
        Long version = ETags.versionFrom(ifMatch);
        if (version == null) {
            throw new ApiException(
                    HttpStatus.PRECONDITION_REQUIRED,
                    "PRECONDITION_REQUIRED",
                    "Changing a product needs If-Match with the ETag you read.");
        }
        return version;
    }
}
