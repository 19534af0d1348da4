package io.cloudshop.products.product.web;

import static io.cloudshop.testsupport.WebSlices.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.verifyNoInteractions;

import io.cloudshop.products.product.CatalogProduct;
import io.cloudshop.products.product.Money;
import io.cloudshop.products.product.Product;
import io.cloudshop.products.product.ProductCatalog;
import io.cloudshop.products.product.ProductChangedException;
import io.cloudshop.products.product.ProductFilter;
import io.cloudshop.products.product.ProductNotFoundException;
import io.cloudshop.products.product.ProductRefusals;
import io.cloudshop.products.product.ProductSearch;
import io.cloudshop.testsupport.TestTokens;
import io.cloudshop.testsupport.TestTokensConfiguration;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The catalog API over Spring MVC alone: public reads and admin writes, its validation (bean validation and the
 * price rules of {@link Money}), the answers {@link ProductProblems} gives the use cases' refusals, and the mapping of
 * their results, with common's problem details and bearer-token security exactly as in production. The use cases are
 * mocks; their behaviour is the integration tests' subject.
 */
@WebMvcTest(ProductController.class)
@Import(TestTokensConfiguration.class)
class ProductControllerTests {

    private static final String KETTLE = """
            {"sku": "KET-1", "name": "Kettle", "description": "Boils water.", "category": "kitchen",
             "price": {"amount": 39.9, "currency": "EUR"}, "stock": 5}""";

    private static final String KETTLE_DESCRIPTION = """
            {"name": "Kettle", "description": "Boils water.", "category": "kitchen",
             "price": {"amount": 39.9, "currency": "EUR"}}""";

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    ProductCatalog catalog;

    @MockitoBean
    ProductSearch search;

    final CatalogProduct kettle = new CatalogProduct(
            UUID.randomUUID(),
            "KET-1",
            "Kettle",
            "Boils water.",
            "kitchen",
            new Money(new BigDecimal("39.9"), "EUR"),
            5,
            false,
            Instant.parse("2026-01-01T00:00:00Z"),
            7);

    /** Each admin write with a valid body and If-Match: the answer must come from security alone. */
    static Stream<Arguments> writes() {
        String product = "/api/v1/products/" + UUID.randomUUID();
        return Stream.of(
                Arguments.of("POST", "/api/v1/products", KETTLE),
                Arguments.of("PUT", product, KETTLE_DESCRIPTION),
                Arguments.of("PATCH", product, "{\"name\": \"Kettle\"}"),
                Arguments.of("DELETE", product, ""));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void everyWriteNeedsAToken(String method, String path, String body) {
        MvcTestResult result = write(method, path, body).exchange();

        assertProblem(result, HttpStatus.UNAUTHORIZED).isLenientlyEqualTo("""
                {"code": "UNAUTHORIZED"}""");
        verifyNoInteractions(catalog);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("writes")
    void everyWriteIsForbiddenToCustomers(String method, String path, String body) {
        MvcTestResult result = write(method, path, body)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(UUID.randomUUID()))
                .exchange();

        assertProblem(result, HttpStatus.FORBIDDEN).isLenientlyEqualTo("""
                {"code": "FORBIDDEN"}""");
        verifyNoInteractions(catalog);
    }

    @Test
    void theListingNeedsNoToken() {
        given(search.search(any(), any())).willReturn(new PageImpl<>(List.of()));

        MvcTestResult result = mvc.get().uri("/api/v1/products").exchange();

        assertThat(result).hasStatusOk();
    }

    @Test
    void aProductNeedsNoToken() {
        given(catalog.get(kettle.id())).willReturn(kettle);

        MvcTestResult result =
                mvc.get().uri("/api/v1/products/{id}", kettle.id()).exchange();

        assertThat(result).hasStatusOk();
    }

    static Stream<Arguments> invalidListings() {
        return Stream.of(
                Arguments.of("page=-1", "page"),
                Arguments.of("size=0", "size"),
                Arguments.of("size=101", "size"),
                Arguments.of("sort=stock", "sort"),
                Arguments.of("q=" + "q".repeat(201), "q"),
                Arguments.of("category=" + "c".repeat(101), "category"),
                Arguments.of("minPrice=-1", "minPrice"),
                Arguments.of("minPrice=cheap", "minPrice"),
                Arguments.of("maxPrice=1e-200", "maxPrice"),
                Arguments.of("minPrice=20&maxPrice=10", "minPrice"),
                Arguments.of("currency=eur", "currency"),
                Arguments.of("inStock=maybe", "inStock"),
                Arguments.of("ids=42", "ids"),
                Arguments.of("ids=" + manyIds(101), "ids"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidListings")
    void anInvalidListingIsRefusedNamingTheParameter(String query, String parameter) {
        MvcTestResult result = mvc.get().uri("/api/v1/products?" + query).exchange();

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "%s"}]}""".formatted(parameter));
        verifyNoInteractions(search, catalog);
    }

    @Test
    void theListingShowsLiveProductsInPages() {
        Product product = Product.create(
                "KET-1", "Kettle", "Boils water.", "kitchen", new Money(new BigDecimal("39.9"), "EUR"), 0);
        given(search.search(any(), any())).willReturn(new PageImpl<>(List.of(product), PageRequest.of(0, 20), 1));

        MvcTestResult result = mvc.get().uri("/api/v1/products").exchange();

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {
                  "content": [{"id": "%s", "sku": "KET-1", "price": {"amount": 39.90, "currency": "EUR"},
                               "stock": 0, "available": false, "deleted": false}],
                  "page": {"size": 20, "number": 0, "totalElements": 1, "totalPages": 1}
                }""".formatted(product.id()));
    }

    @Test
    void theListingSearchesWithTheRequestedFilterPageAndSort() {
        given(search.search(any(), any())).willReturn(new PageImpl<>(List.of()));

        mvc.get()
                .uri("/api/v1/products?q=kettle&category=kitchen&minPrice=10&maxPrice=50&currency=EUR&inStock=true"
                        + "&page=1&size=5&sort=price,desc")
                .exchange();

        then(search)
                .should()
                .search(
                        new ProductFilter("kettle", "kitchen", new BigDecimal("10"), new BigDecimal("50"), "EUR", true),
                        PageRequest.of(1, 5, Sort.by(Sort.Order.desc("priceAmount"), Sort.Order.asc("id"))));
    }

    @Test
    void aBlankSearchIsNoSearch() {
        given(search.search(any(), any())).willReturn(new PageImpl<>(List.of()));

        mvc.get().uri("/api/v1/products?q={q}", "  ").exchange();

        then(search)
                .should()
                .search(new ProductFilter(null, null, null, null, null, null), PageRequest.of(0, 20, Sort.unsorted()));
    }

    @Test
    void aBatchReadAnswersEachNamedProductOnceInTheOrderNamed() {
        CatalogProduct teapot = new CatalogProduct(
                UUID.randomUUID(),
                "TEA-1",
                "Teapot",
                "",
                "kitchen",
                new Money(new BigDecimal("12.9"), "EUR"),
                1,
                true,
                Instant.parse("2026-01-01T00:00:00Z"),
                2);
        given(catalog.getAll(List.of(teapot.id(), kettle.id()))).willReturn(List.of(kettle, teapot));

        MvcTestResult result = mvc.get()
                .uri("/api/v1/products?ids={a},{b},{a}", teapot.id(), kettle.id(), teapot.id())
                .exchange();

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"content": [{"id": "%s", "deleted": true, "available": false}, {"id": "%s"}],
                 "page": {"totalElements": 2}}""".formatted(teapot.id(), kettle.id()));
    }

    @Test
    void aProductIsShownWithItsVersionAsETag() {
        given(catalog.get(kettle.id())).willReturn(kettle);

        MvcTestResult result =
                mvc.get().uri("/api/v1/products/{id}", kettle.id()).exchange();

        assertThat(result).hasHeader(HttpHeaders.ETAG, "\"7\"");
    }

    @Test
    void aProductMayBeCachedForThirtySeconds() {
        given(catalog.get(kettle.id())).willReturn(kettle);

        MvcTestResult result =
                mvc.get().uri("/api/v1/products/{id}", kettle.id()).exchange();

        assertThat(result).hasHeader(HttpHeaders.CACHE_CONTROL, "max-age=30, must-revalidate, public");
    }

    @Test
    void aProductShowsItsPriceAtTheCurrencysScale() {
        given(catalog.get(kettle.id())).willReturn(kettle);

        MvcTestResult result =
                mvc.get().uri("/api/v1/products/{id}", kettle.id()).exchange();

        assertThat(result).bodyText().contains("\"price\":{\"amount\":39.90,\"currency\":\"EUR\"}");
    }

    @Test
    void aReadOfAnUnchangedVersionIsNotModified() {
        given(catalog.get(kettle.id())).willReturn(kettle);

        MvcTestResult result = mvc.get()
                .uri("/api/v1/products/{id}", kettle.id())
                .header(HttpHeaders.IF_NONE_MATCH, "\"7\"")
                .exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_MODIFIED);
    }

    @Test
    void aMissingProductIsNotFound() {
        given(catalog.get(any())).willThrow(new ProductNotFoundException());

        MvcTestResult result =
                mvc.get().uri("/api/v1/products/{id}", UUID.randomUUID()).exchange();

        assertProblem(result, HttpStatus.NOT_FOUND).isLenientlyEqualTo("""
                {"code": "NOT_FOUND", "detail": "No product has this id."}""");
    }

    @Test
    void anIdThatIsNoUuidIsRefusedNamingIt() {
        MvcTestResult result = mvc.get().uri("/api/v1/products/42").exchange();

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "id"}]}""");
        verifyNoInteractions(catalog);
    }

    static Stream<Arguments> invalidNewProducts() {
        return Stream.of(
                Arguments.of("no sku", KETTLE.replace("\"sku\": \"KET-1\", ", ""), "sku"),
                Arguments.of("a sku with a space", KETTLE.replace("KET-1", "KET 1"), "sku"),
                Arguments.of("a blank name", KETTLE.replace("\"Kettle\"", "\" \""), "name"),
                Arguments.of("a name of two lines", KETTLE.replace("\"Kettle\"", "\"Ket\\ntle\""), "name"),
                Arguments.of("a name of 201 characters", KETTLE.replace("Kettle", "k".repeat(201)), "name"),
                Arguments.of(
                        "a description with a control character",
                        KETTLE.replace("Boils water.", "Boils\\u0007water."),
                        "description"),
                Arguments.of("no category", KETTLE.replace("\"category\": \"kitchen\",", ""), "category"),
                Arguments.of(
                        "no price",
                        KETTLE.replace("\"price\": {\"amount\": 39.9, \"currency\": \"EUR\"}, ", ""),
                        "price"),
                Arguments.of("no amount", KETTLE.replace("\"amount\": 39.9, ", ""), "price.amount"),
                Arguments.of("a blank currency", KETTLE.replace("\"EUR\"", "\"\""), "price.currency"),
                Arguments.of("a price of 0", KETTLE.replace("39.9", "0"), "price.amount"),
                Arguments.of("three decimals in EUR", KETTLE.replace("39.9", "39.999"), "price.amount"),
                Arguments.of("an unknown currency", KETTLE.replace("\"EUR\"", "\"EUX\""), "price.currency"),
                Arguments.of("no stock", KETTLE.replace(", \"stock\": 5", ""), "stock"),
                Arguments.of("a negative stock", KETTLE.replace("\"stock\": 5", "\"stock\": -1"), "stock"),
                Arguments.of("a version", KETTLE.replace("\"stock\": 5", "\"stock\": 5, \"version\": 3"), "version"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidNewProducts")
    void anInvalidNewProductIsRefusedNamingTheFieldAndCreatesNothing(String kind, String body, String field) {
        MvcTestResult result = asAdmin(mvc.post()
                .uri("/api/v1/products")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "%s"}]}""".formatted(field));
        verifyNoInteractions(catalog);
    }

    @Test
    void aNewProductIsCreatedAtItsOwnLocationWithItsVersion() {
        given(catalog.create(anyString(), anyString(), anyString(), anyString(), any(), anyInt()))
                .willReturn(kettle);

        MvcTestResult result = create(KETTLE);

        assertThat(result)
                .hasStatus(HttpStatus.CREATED)
                .hasHeader(HttpHeaders.LOCATION, "/api/v1/products/" + kettle.id())
                .hasHeader(HttpHeaders.ETAG, "\"7\"");
    }

    @Test
    void aNewProductIsCreatedWithoutSurroundingBlanksAndWithAnExactPrice() {
        given(catalog.create(anyString(), anyString(), anyString(), anyString(), any(), anyInt()))
                .willReturn(kettle);

        create(KETTLE.replace("\"Kettle\"", "\" Kettle \""));

        then(catalog)
                .should()
                .create("KET-1", "Kettle", "Boils water.", "kitchen", new Money(new BigDecimal("39.90"), "EUR"), 5);
    }

    @Test
    void aNewProductWithoutDescriptionHasAnEmptyOne() {
        given(catalog.create(anyString(), anyString(), anyString(), anyString(), any(), anyInt()))
                .willReturn(kettle);

        create(KETTLE.replace("\"description\": \"Boils water.\", ", ""));

        then(catalog).should().create("KET-1", "Kettle", "", "kitchen", new Money(new BigDecimal("39.90"), "EUR"), 5);
    }

    @Test
    void aTakenSkuIsAConflict() {
        given(catalog.create(anyString(), anyString(), anyString(), anyString(), any(), anyInt()))
                .willThrow(ProductRefusals.skuTaken());

        MvcTestResult result = create(KETTLE);

        assertProblem(result, HttpStatus.CONFLICT).isLenientlyEqualTo("""
                {"code": "SKU_TAKEN", "detail": "Another product already has this sku."}""");
    }

    static Stream<Arguments> invalidDescriptions() {
        return Stream.of(
                Arguments.of(
                        "no description",
                        KETTLE_DESCRIPTION.replace("\"description\": \"Boils water.\", ", ""),
                        "description"),
                Arguments.of(
                        "stock, which inventory sets", KETTLE_DESCRIPTION.replace("}}", "}, \"stock\": 5}"), "stock"),
                Arguments.of("a price of 0", KETTLE_DESCRIPTION.replace("39.9", "0"), "price.amount"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidDescriptions")
    void anInvalidReplacementIsRefusedNamingTheFieldAndChangesNothing(String kind, String body, String field) {
        MvcTestResult result = replace("\"7\"", body);

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "%s"}]}""".formatted(field));
        verifyNoInteractions(catalog);
    }

    @Test
    void aReplacementWithoutIfMatchIsAPreconditionRequired() {
        MvcTestResult result = asAdmin(mvc.put()
                .uri("/api/v1/products/{id}", kettle.id())
                .contentType(MediaType.APPLICATION_JSON)
                .content(KETTLE_DESCRIPTION));

        assertProblem(result, HttpStatus.PRECONDITION_REQUIRED).isLenientlyEqualTo("""
                {"code": "PRECONDITION_REQUIRED"}""");
        verifyNoInteractions(catalog);
    }

    @Test
    void aReplacementChangesTheVersionTheAdminRead() {
        given(catalog.change(any(), anyLong(), any(), any(), any(), any())).willReturn(kettle);

        replace("\"7\"", KETTLE_DESCRIPTION);

        then(catalog)
                .should()
                .change(kettle.id(), 7, "Kettle", "Boils water.", "kitchen", new Money(new BigDecimal("39.90"), "EUR"));
    }

    @Test
    void aReplacementAnswersTheChangedProductWithItsVersion() {
        given(catalog.change(any(), anyLong(), any(), any(), any(), any())).willReturn(kettle);

        MvcTestResult result = replace("\"6\"", KETTLE_DESCRIPTION);

        assertThat(result).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"7\"");
    }

    @Test
    void aReplacementOfAnOlderVersionIsAFailedPrecondition() {
        given(catalog.change(any(), anyLong(), any(), any(), any(), any())).willThrow(new ProductChangedException());

        MvcTestResult result = replace("\"6\"", KETTLE_DESCRIPTION);

        assertProblem(result, HttpStatus.PRECONDITION_FAILED).isLenientlyEqualTo("""
                {"code": "PRECONDITION_FAILED",
                 "detail": "The resource has changed since the version in If-Match. Read it again and retry."}""");
    }

    @Test
    void replacingAMissingProductIsNotFound() {
        given(catalog.change(any(), anyLong(), any(), any(), any(), any())).willThrow(new ProductNotFoundException());

        MvcTestResult result = replace("\"7\"", KETTLE_DESCRIPTION);

        assertProblem(result, HttpStatus.NOT_FOUND).isLenientlyEqualTo("""
                {"code": "NOT_FOUND"}""");
    }

    static Stream<Arguments> invalidPatches() {
        return Stream.of(
                Arguments.of("a blank name", "{\"name\": \"  \"}", "name"),
                Arguments.of("a category of two lines", "{\"category\": \"kit\\nchen\"}", "category"),
                Arguments.of("a sku, which never changes", "{\"sku\": \"KET-2\"}", "sku"),
                Arguments.of("a price without currency", "{\"price\": {\"amount\": 10}}", "price.currency"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidPatches")
    void anInvalidPatchIsRefusedNamingTheFieldAndChangesNothing(String kind, String body, String field) {
        MvcTestResult result = patch("\"7\"", body);

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "%s"}]}""".formatted(field));
        verifyNoInteractions(catalog);
    }

    @Test
    void aPatchChangesOnlyTheMembersItNames() {
        given(catalog.change(any(), anyLong(), any(), any(), any(), any())).willReturn(kettle);

        patch("\"7\"", "{\"price\": {\"amount\": 35, \"currency\": \"EUR\"}}");

        then(catalog).should().change(kettle.id(), 7, null, null, null, new Money(new BigDecimal("35.00"), "EUR"));
    }

    @Test
    void aPatchWithoutIfMatchIsAPreconditionRequired() {
        MvcTestResult result = asAdmin(mvc.patch()
                .uri("/api/v1/products/{id}", kettle.id())
                .contentType(MediaType.valueOf("application/merge-patch+json"))
                .content("{\"name\": \"Kettle\"}"));

        assertProblem(result, HttpStatus.PRECONDITION_REQUIRED).isLenientlyEqualTo("""
                {"code": "PRECONDITION_REQUIRED"}""");
        verifyNoInteractions(catalog);
    }

    @Test
    void aDeletionAnswersNoContent() {
        MvcTestResult result = delete("\"7\"");

        assertThat(result).hasStatus(HttpStatus.NO_CONTENT);
    }

    @Test
    void aDeletionWithIfMatchDeletesThatVersion() {
        delete("\"7\"");

        then(catalog).should().delete(kettle.id(), 7L);
    }

    @Test
    void aDeletionWithoutIfMatchDeletesWhateverIsCurrent() {
        delete(null);

        then(catalog).should().delete(kettle.id(), null);
    }

    @Test
    void deletingAnOlderVersionIsAFailedPrecondition() {
        willThrow(new ProductChangedException()).given(catalog).delete(any(), any());

        MvcTestResult result = delete("\"6\"");

        assertProblem(result, HttpStatus.PRECONDITION_FAILED).isLenientlyEqualTo("""
                {"code": "PRECONDITION_FAILED"}""");
    }

    @Test
    void deletingAMissingProductIsNotFound() {
        willThrow(new ProductNotFoundException()).given(catalog).delete(any(), any());

        MvcTestResult result = delete(null);

        assertProblem(result, HttpStatus.NOT_FOUND).isLenientlyEqualTo("""
                {"code": "NOT_FOUND"}""");
    }

    private MockMvcTester.MockMvcRequestBuilder write(String method, String path, String body) {
        return mvc.method(HttpMethod.valueOf(method))
                .uri(path)
                .header(HttpHeaders.IF_MATCH, "\"7\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
    }

    private MvcTestResult create(String body) {
        return asAdmin(mvc.post()
                .uri("/api/v1/products")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private MvcTestResult replace(String ifMatch, String body) {
        return asAdmin(mvc.put()
                .uri("/api/v1/products/{id}", kettle.id())
                .header(HttpHeaders.IF_MATCH, ifMatch)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private MvcTestResult patch(String ifMatch, String body) {
        return asAdmin(mvc.patch()
                .uri("/api/v1/products/{id}", kettle.id())
                .header(HttpHeaders.IF_MATCH, ifMatch)
                .contentType(MediaType.valueOf("application/merge-patch+json"))
                .content(body));
    }

    private MvcTestResult delete(String ifMatch) {
        MockMvcTester.MockMvcRequestBuilder request = mvc.delete().uri("/api/v1/products/{id}", kettle.id());
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return asAdmin(request);
    }

    private static MvcTestResult asAdmin(MockMvcTester.MockMvcRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin(UUID.randomUUID()))
                .exchange();
    }

    private static String manyIds(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> UUID.randomUUID().toString())
                .collect(Collectors.joining(","));
    }
}
