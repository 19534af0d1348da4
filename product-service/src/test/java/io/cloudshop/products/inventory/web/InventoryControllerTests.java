package io.cloudshop.products.inventory.web;

import static io.cloudshop.testsupport.WebSlices.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

import io.cloudshop.products.inventory.Inventory;
import io.cloudshop.products.inventory.InventoryRefusals;
import io.cloudshop.products.inventory.StockLevel;
import io.cloudshop.products.product.ProductChangedException;
import io.cloudshop.products.product.ProductNotFoundException;
import io.cloudshop.testsupport.TestTokens;
import io.cloudshop.testsupport.TestTokensConfiguration;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The inventory API over Spring MVC alone: admins only, its validation, the answers {@link InventoryProblems} (and the
 * catalog's advice, for the product itself) give the use case's refusals, and the mapping of its results, with common's
 * problem details and bearer-token security exactly as in production. The use case is a mock; its behaviour is the
 * integration tests' subject.
 */
@WebMvcTest(InventoryController.class)
@Import(TestTokensConfiguration.class)
class InventoryControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Inventory inventory;

    final UUID product = UUID.randomUUID();
    final StockLevel level = new StockLevel(product, 12, 4);

    /** Each endpoint with a valid body: the answer must come from security alone. */
    static Stream<Arguments> endpoints() {
        String inventory = "/api/v1/products/" + UUID.randomUUID() + "/inventory";
        return Stream.of(
                Arguments.of("GET", inventory, ""),
                Arguments.of("PUT", inventory, "{\"stock\": 1}"),
                Arguments.of("POST", inventory + "/adjustments", "{\"delta\": 1}"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void everyEndpointNeedsAToken(String method, String path, String body) {
        MvcTestResult result = mvc.method(HttpMethod.valueOf(method))
                .uri(path)
                .header(HttpHeaders.IF_MATCH, "\"4\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();

        assertProblem(result, HttpStatus.UNAUTHORIZED).isLenientlyEqualTo("""
                {"code": "UNAUTHORIZED"}""");
        verifyNoInteractions(inventory);
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void everyEndpointIsForbiddenToCustomers(String method, String path, String body) {
        MvcTestResult result = mvc.method(HttpMethod.valueOf(method))
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(UUID.randomUUID()))
                .header(HttpHeaders.IF_MATCH, "\"4\"")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();

        assertProblem(result, HttpStatus.FORBIDDEN).isLenientlyEqualTo("""
                {"code": "FORBIDDEN"}""");
        verifyNoInteractions(inventory);
    }

    @Test
    void anAdminReadsTheStock() {
        given(inventory.get(product)).willReturn(level);

        MvcTestResult result = asAdmin(mvc.get().uri("/api/v1/products/{id}/inventory", product));

        assertThat(result).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"productId": "%s", "stock": 12, "version": 4}""".formatted(product));
    }

    @Test
    void theStocksETagIsTheProductsVersion() {
        given(inventory.get(product)).willReturn(level);

        MvcTestResult result = asAdmin(mvc.get().uri("/api/v1/products/{id}/inventory", product));

        assertThat(result).hasHeader(HttpHeaders.ETAG, "\"4\"");
    }

    @Test
    void theStockOfAMissingProductIsNotFound() {
        given(inventory.get(any())).willThrow(new ProductNotFoundException());

        MvcTestResult result = asAdmin(mvc.get().uri("/api/v1/products/{id}/inventory", product));

        assertProblem(result, HttpStatus.NOT_FOUND).isLenientlyEqualTo("""
                {"code": "NOT_FOUND", "detail": "No product has this id."}""");
    }

    @Test
    void anIdThatIsNoUuidIsRefusedNamingIt() {
        MvcTestResult result = asAdmin(mvc.get().uri("/api/v1/products/42/inventory"));

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "id"}]}""");
        verifyNoInteractions(inventory);
    }

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of("no stock", "{}"),
                Arguments.of("a null stock", "{\"stock\": null}"),
                Arguments.of("a negative stock", "{\"stock\": -1}"),
                Arguments.of("more than a product may hold", "{\"stock\": 1000000001}"),
                Arguments.of("a fraction", "{\"stock\": 1.5}"),
                Arguments.of("a number as text", "{\"stock\": \"5\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSettings")
    void anInvalidStockSettingIsRefusedNamingTheFieldAndChangesNothing(String kind, String body) {
        MvcTestResult result = set("\"4\"", body);

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "stock"}]}""");
        verifyNoInteractions(inventory);
    }

    @Test
    void settingStockWithoutIfMatchIsAPreconditionRequired() {
        MvcTestResult result = asAdmin(mvc.put()
                .uri("/api/v1/products/{id}/inventory", product)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"stock\": 5}"));

        assertProblem(result, HttpStatus.PRECONDITION_REQUIRED).isLenientlyEqualTo("""
                {"code": "PRECONDITION_REQUIRED"}""");
        verifyNoInteractions(inventory);
    }

    @Test
    void settingStockWithAnIfMatchThatCanMatchNoVersionIsAFailedPrecondition() {
        MvcTestResult result = set("W/\"4\"", "{\"stock\": 5}");

        assertProblem(result, HttpStatus.PRECONDITION_FAILED).isLenientlyEqualTo("""
                {"code": "PRECONDITION_FAILED"}""");
        verifyNoInteractions(inventory);
    }

    @Test
    void stockIsSetAtTheVersionTheAdminRead() {
        given(inventory.set(product, 5, 4)).willReturn(new StockLevel(product, 5, 5));

        MvcTestResult result = set("\"4\"", "{\"stock\": 5}");

        assertThat(result).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"5\"");
    }

    @Test
    void settingStockOfAnOlderVersionIsAFailedPrecondition() {
        given(inventory.set(any(), anyInt(), anyLong())).willThrow(new ProductChangedException());

        MvcTestResult result = set("\"3\"", "{\"stock\": 5}");

        assertProblem(result, HttpStatus.PRECONDITION_FAILED).isLenientlyEqualTo("""
                {"code": "PRECONDITION_FAILED",
                 "detail": "The resource has changed since the version in If-Match. Read it again and retry."}""");
    }

    static Stream<Arguments> invalidAdjustments() {
        return Stream.of(
                Arguments.of("no delta", "{}", "delta"),
                Arguments.of("less than minus a product's limit", "{\"delta\": -1000000001}", "delta"),
                Arguments.of("more than a product's limit", "{\"delta\": 1000000001}", "delta"),
                Arguments.of("stock instead of a delta", "{\"stock\": 5}", "stock"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAdjustments")
    void anInvalidAdjustmentIsRefusedNamingTheFieldAndChangesNothing(String kind, String body, String field) {
        MvcTestResult result = adjust(null, body);

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "%s"}]}""".formatted(field));
        verifyNoInteractions(inventory);
    }

    @Test
    void anAdjustmentWithoutIfMatchAppliesToWhateverIsCurrent() {
        given(inventory.adjust(product, -2, null)).willReturn(new StockLevel(product, 10, 5));

        MvcTestResult result = adjust(null, "{\"delta\": -2}");

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"stock": 10, "version": 5}""");
    }

    @Test
    void anAdjustmentWithIfMatchAppliesToThatVersion() {
        given(inventory.adjust(any(), anyInt(), any())).willReturn(new StockLevel(product, 10, 5));

        adjust("\"4\"", "{\"delta\": -2}");

        then(inventory).should().adjust(product, -2, 4L);
    }

    @Test
    void removingMoreThanIsInStockIsAConflict() {
        given(inventory.adjust(any(), anyInt(), any())).willThrow(InventoryRefusals.insufficientStock(20, 12));

        MvcTestResult result = adjust(null, "{\"delta\": -20}");

        assertProblem(result, HttpStatus.CONFLICT).isLenientlyEqualTo("""
                {"code": "INSUFFICIENT_STOCK", "detail": "Not enough stock to remove 20 (12 now in stock)."}""");
    }

    @Test
    void addingBeyondAProductsLimitIsAConflict() {
        given(inventory.adjust(any(), anyInt(), any())).willThrow(InventoryRefusals.stockLimitExceeded());

        MvcTestResult result = adjust(null, "{\"delta\": 1000000000}");

        assertProblem(result, HttpStatus.CONFLICT).isLenientlyEqualTo("""
                {"code": "STOCK_LIMIT", "detail": "Stock cannot exceed 1000000000 per product."}""");
    }

    private MvcTestResult set(String ifMatch, String body) {
        return asAdmin(mvc.put()
                .uri("/api/v1/products/{id}/inventory", product)
                .header(HttpHeaders.IF_MATCH, ifMatch)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    private MvcTestResult adjust(String ifMatch, String body) {
        MockMvcTester.MockMvcRequestBuilder request = mvc.post()
                .uri("/api/v1/products/{id}/inventory/adjustments", product)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return asAdmin(request);
    }

    private static MvcTestResult asAdmin(MockMvcTester.MockMvcRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin(UUID.randomUUID()))
                .exchange();
    }
}
