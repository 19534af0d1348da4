package io.cloudshop.orders.order.web;

import static io.cloudshop.testsupport.WebSlices.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

import io.cloudshop.orders.catalog.CatalogRefusals;
import io.cloudshop.orders.order.Order;
import io.cloudshop.orders.order.OrderLine;
import io.cloudshop.orders.order.OrderPlacement;
import io.cloudshop.orders.order.OrderPlacement.Placement;
import io.cloudshop.orders.order.OrderPlacement.RequestedLine;
import io.cloudshop.orders.order.OrderQueries;
import io.cloudshop.orders.order.OrderRefusals;
import io.cloudshop.orders.order.OrderSaga;
import io.cloudshop.orders.order.OrderStatus;
import io.cloudshop.orders.order.RefusedLine;
import io.cloudshop.testsupport.TestTokens;
import io.cloudshop.testsupport.TestTokensConfiguration;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
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
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The order API over Spring MVC alone: its validation, the answers {@link OrderProblems} gives the use cases'
 * refusals, and the mapping of their results, with common's problem details and bearer-token security exactly as in
 * production. The use cases are mocks; their behaviour is the integration tests' subject.
 */
@WebMvcTest(OrderController.class)
@Import(TestTokensConfiguration.class)
class OrderControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    OrderQueries orders;

    @MockitoBean
    OrderPlacement placement;

    @MockitoBean
    OrderSaga saga;

    final UUID customer = UUID.randomUUID();
    final UUID teapot = UUID.randomUUID();
    final Order order =
            Order.place(customer, List.of(new OrderLine(teapot, "Teapot", 2, new BigDecimal("12.9000"))), "EUR");

    static Stream<Arguments> endpoints() {
        UUID id = UUID.randomUUID();
        return Stream.of(
                Arguments.of("POST", "/api/v1/orders"),
                Arguments.of("GET", "/api/v1/orders"),
                Arguments.of("GET", "/api/v1/orders/" + id),
                Arguments.of("POST", "/api/v1/orders/" + id + "/cancellation"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void everyEndpointNeedsAToken(String method, String path) {
        MvcTestResult result = mvc.method(HttpMethod.valueOf(method))
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(order(teapot, 1))
                .exchange();

        assertProblem(result, HttpStatus.UNAUTHORIZED).isLenientlyEqualTo("""
                {"code": "UNAUTHORIZED"}""");
        verifyNoInteractions(orders, placement, saga);
    }

    @Test
    void anExpiredTokenIsAnInvalidToken() {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/orders")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.expired(customer))
                .exchange();

        assertProblem(result, HttpStatus.UNAUTHORIZED).isLenientlyEqualTo("""
                {"code": "INVALID_TOKEN"}""");
    }

    static Stream<Arguments> invalidOrders() {
        UUID product = UUID.randomUUID();
        String item = "{\"productId\": \"" + product + "\", \"quantity\": 1}";
        return Stream.of(
                Arguments.of("no items", "{\"items\": []}", "items"),
                Arguments.of("no items member", "{}", "items"),
                Arguments.of("no quantity", "{\"items\": [{\"productId\": \"" + product + "\"}]}", "items[0].quantity"),
                Arguments.of("quantity 0", order(product, 0), "items[0].quantity"),
                Arguments.of("quantity 101", order(product, 101), "items[0].quantity"),
                Arguments.of("no product", "{\"items\": [{\"quantity\": 1}]}", "items[0].productId"),
                Arguments.of("a product twice", "{\"items\": [" + item + ", " + item + "]}", "items[1].productId"),
                Arguments.of(
                        "a member the API does not offer", "{\"items\": [" + item + "], \"discount\": 50}", "discount"),
                Arguments.of(
                        "a quantity as text",
                        "{\"items\": [{\"productId\": \"" + product + "\", \"quantity\": \"1\"}]}",
                        "quantity"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidOrders")
    void anInvalidOrderIsRefusedNamingTheFieldAndNothingIsPlaced(String kind, String body, String field) {
        MvcTestResult result = place("key-1", body);

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "%s"}]}""".formatted(field));
        verifyNoInteractions(placement);
    }

    static Stream<Arguments> invalidKeys() {
        return Stream.of(
                Arguments.of("empty", ""),
                Arguments.of("with a space", "my key"),
                Arguments.of("101 characters", "k".repeat(101)),
                Arguments.of("not ASCII", "schlüssel"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidKeys")
    void anInvalidIdempotencyKeyIsRefusedAndNothingIsPlaced(String kind, String key) {
        MvcTestResult result = place(key, order(teapot, 1));

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "Idempotency-Key"}]}""");
        verifyNoInteractions(placement);
    }

    @Test
    void anOrderWithoutIdempotencyKeyIsRefusedAndNothingIsPlaced() {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/orders")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
                .contentType(MediaType.APPLICATION_JSON)
                .content(order(teapot, 1))
                .exchange();

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "Idempotency-Key"}]}""");
        verifyNoInteractions(placement);
    }

    @Test
    void aPlacedOrderIsCreatedAtItsOwnLocation() {
        given(placement.place(any(), anyString(), any())).willReturn(new Placement(order, false));

        MvcTestResult result = place("key-1", order(teapot, 2));

        assertThat(result)
                .hasStatus(HttpStatus.CREATED)
                .hasHeader(HttpHeaders.LOCATION, "/api/v1/orders/" + order.id());
    }

    @Test
    void aFirstPlacementIsNotMarkedAsReplayed() {
        given(placement.place(any(), anyString(), any())).willReturn(new Placement(order, false));

        MvcTestResult result = place("key-1", order(teapot, 2));

        assertThat(result).doesNotContainHeader("Idempotent-Replayed");
    }

    @Test
    void aPlacedOrderShowsItsLinesAndTotal() {
        given(placement.place(any(), anyString(), any())).willReturn(new Placement(order, false));

        MvcTestResult result = place("key-1", order(teapot, 2));

        assertThat(result).bodyJson().isLenientlyEqualTo("""
                {
                  "id": "%s",
                  "customerId": "%s",
                  "status": "PENDING",
                  "lines": [{"productId": "%s", "name": "Teapot", "quantity": 2,
                             "unitPrice": {"amount": 12.90, "currency": "EUR"}}],
                  "total": {"amount": 25.80, "currency": "EUR"}
                }""".formatted(order.id(), customer, teapot));
    }

    @Test
    void amountsShowAtTheCurrencysScale() {
        given(placement.place(any(), anyString(), any())).willReturn(new Placement(order, false));

        MvcTestResult result = place("key-1", order(teapot, 2));

        assertThat(result)
                .bodyText()
                .contains("\"unitPrice\":{\"amount\":12.90,")
                .contains("\"total\":{\"amount\":25.80,");
    }

    @Test
    void theOrderIsPlacedForTheTokensSubjectUnderItsKey() {
        given(placement.place(any(), anyString(), any())).willReturn(new Placement(order, false));

        place("key-1", order(teapot, 2));

        then(placement).should().place(customer, "key-1", List.of(new RequestedLine(teapot, 2)));
    }

    @Test
    void aReplayedPlacementSaysSo() {
        given(placement.place(any(), anyString(), any())).willReturn(new Placement(order, true));

        MvcTestResult result = place("key-1", order(teapot, 2));

        assertThat(result).hasStatus(HttpStatus.CREATED).hasHeader("Idempotent-Replayed", "true");
    }

    @Test
    void unorderableLinesAreNamedByTheirProductField() {
        given(placement.place(any(), anyString(), any()))
                .willThrow(OrderRefusals.unorderable(new RefusedLine(1, "no such product")));

        MvcTestResult result = place("key-1", twoProducts());

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {
                  "code": "VALIDATION_FAILED",
                  "detail": "Some items cannot be ordered; nothing was ordered.",
                  "errors": [{"field": "items[1].productId", "message": "no such product"}]
                }""");
    }

    @Test
    void linesBeyondThePurchaseLimitAreNamedByTheirQuantityField() {
        given(placement.place(any(), anyString(), any()))
                .willThrow(OrderRefusals.purchaseLimitExceeded(new RefusedLine(0, "at most 10 units within 24 hours")));

        MvcTestResult result = place("key-1", twoProducts());

        assertProblem(result, HttpStatus.UNPROCESSABLE_CONTENT).isLenientlyEqualTo("""
                {
                  "code": "PURCHASE_LIMIT_EXCEEDED",
                  "detail": "This order would exceed the limit per customer and product; nothing was ordered.",
                  "errors": [{"field": "items[0].quantity", "message": "at most 10 units within 24 hours"}]
                }""");
    }

    @Test
    void aKeyReusedForAnotherOrderIsUnprocessable() {
        given(placement.place(any(), anyString(), any())).willThrow(OrderRefusals.keyReused());

        MvcTestResult result = place("key-1", order(teapot, 1));

        assertProblem(result, HttpStatus.UNPROCESSABLE_CONTENT).isLenientlyEqualTo("""
                {"code": "IDEMPOTENCY_KEY_REUSED",
                 "detail": "This Idempotency-Key was already used for a different order. Use a new key for a new order."}""");
    }

    @Test
    void anUnreachableCatalogSaysWhenToRetry() {
        given(placement.place(any(), anyString(), any())).willThrow(CatalogRefusals.unavailable());

        MvcTestResult result = place("key-1", order(teapot, 1));

        assertThat(result).hasHeader(HttpHeaders.RETRY_AFTER, "5");
    }

    @Test
    void anUnreachableCatalogIsServiceUnavailable() {
        given(placement.place(any(), anyString(), any())).willThrow(CatalogRefusals.unavailable());

        MvcTestResult result = place("key-1", order(teapot, 1));

        assertProblem(result, HttpStatus.SERVICE_UNAVAILABLE).isLenientlyEqualTo("""
                {"code": "CATALOG_UNAVAILABLE",
                 "detail": "The product catalog cannot be reached right now; nothing was ordered. Try again shortly."}""");
    }

    static Stream<Arguments> invalidListings() {
        return Stream.of(
                Arguments.of("page=-1", "page"),
                Arguments.of("page=first", "page"),
                Arguments.of("size=0", "size"),
                Arguments.of("size=101", "size"),
                Arguments.of("sort=customerId", "sort"),
                Arguments.of("sort=createdAt,sideways", "sort"),
                Arguments.of("status=SHIPPED", "status"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidListings")
    void anInvalidListingIsRefusedNamingTheParameter(String query, String parameter) {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/orders?" + query)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
                .exchange();

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "%s"}]}""".formatted(parameter));
        verifyNoInteractions(orders);
    }

    @Test
    void aCustomerListsTheirOwnOrdersInPages() {
        given(orders.list(eq(customer), isNull(), any()))
                .willReturn(new PageImpl<>(List.of(order), PageRequest.of(0, 20), 1));

        MvcTestResult result = mvc.get()
                .uri("/api/v1/orders")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
                .exchange();

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {
                  "content": [{"id": "%s", "status": "PENDING", "total": {"amount": 25.80, "currency": "EUR"}}],
                  "page": {"size": 20, "number": 0, "totalElements": 1, "totalPages": 1}
                }""".formatted(order.id()));
    }

    @Test
    void anAdminListsEveryCustomersOrders() {
        UUID admin = UUID.randomUUID();
        given(orders.list(isNull(), isNull(), any()))
                .willReturn(new PageImpl<>(List.of(order), PageRequest.of(0, 20), 1));

        MvcTestResult result = mvc.get()
                .uri("/api/v1/orders")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin(admin))
                .exchange();

        assertThat(result)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.content[0].customerId")
                .isEqualTo(customer.toString());
    }

    @Test
    void theListingAsksForTheRequestedStatusPageAndSort() {
        given(orders.list(any(), any(), any())).willReturn(new PageImpl<>(List.of()));

        mvc.get()
                .uri("/api/v1/orders?status=CONFIRMED&page=2&size=5&sort=total,asc")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
                .exchange();

        Pageable expected = PageRequest.of(2, 5, Sort.by(Sort.Order.asc("totalAmount"), Sort.Order.asc("id")));
        then(orders).should().list(customer, OrderStatus.CONFIRMED, expected);
    }

    @Test
    void aCustomerSeesTheirOrder() {
        given(orders.get(order.id(), customer, false)).willReturn(order);

        MvcTestResult result = mvc.get()
                .uri("/api/v1/orders/{id}", order.id())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
                .exchange();

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"id": "%s", "status": "PENDING", "timeline": [{"step": "PLACED"}]}""".formatted(order.id()));
    }

    @Test
    void anAdminReadsAnyOrder() {
        UUID admin = UUID.randomUUID();
        given(orders.get(order.id(), admin, true)).willReturn(order);

        MvcTestResult result = mvc.get()
                .uri("/api/v1/orders/{id}", order.id())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin(admin))
                .exchange();

        assertThat(result)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.id")
                .isEqualTo(order.id().toString());
    }

    @Test
    void aMissingOrderIsNotFound() {
        given(orders.get(any(), any(), anyBoolean())).willThrow(OrderRefusals.notFound());

        MvcTestResult result = mvc.get()
                .uri("/api/v1/orders/{id}", UUID.randomUUID())
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
                .exchange();

        assertProblem(result, HttpStatus.NOT_FOUND).isLenientlyEqualTo("""
                {"code": "NOT_FOUND", "detail": "No order has this id."}""");
    }

    @Test
    void anIdThatIsNoUuidIsRefusedNamingIt() {
        MvcTestResult result = mvc.get()
                .uri("/api/v1/orders/42")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
                .exchange();

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "id"}]}""");
        verifyNoInteractions(orders);
    }

    @Test
    void aCancellationIsAcceptedWithTheCancelledOrder() {
        order.cancelOnRequest();
        given(saga.cancel(order.id(), customer, false)).willReturn(order);

        MvcTestResult result = cancel(order.id());

        assertThat(result).hasStatus(HttpStatus.ACCEPTED).bodyJson().isLenientlyEqualTo("""
                {"id": "%s", "status": "CANCELLED"}""".formatted(order.id()));
    }

    @Test
    void cancellingAFinishedOrderIsAConflict() {
        given(saga.cancel(any(), any(), anyBoolean())).willThrow(OrderRefusals.finished(OrderStatus.REJECTED));

        MvcTestResult result = cancel(order.id());

        assertProblem(result, HttpStatus.CONFLICT).isLenientlyEqualTo("""
                {"code": "ORDER_FINISHED", "detail": "The order is already REJECTED and cannot be cancelled."}""");
    }

    @Test
    void cancellingAnotherCustomersOrderIsNotFound() {
        given(saga.cancel(any(), any(), anyBoolean())).willThrow(OrderRefusals.notFound());

        MvcTestResult result = cancel(order.id());

        assertProblem(result, HttpStatus.NOT_FOUND).isLenientlyEqualTo("""
                {"code": "NOT_FOUND"}""");
    }

    @Test
    void cancellingAnIdThatIsNoUuidIsRefusedAndNothingIsCancelled() {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/orders/not-a-uuid/cancellation")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
                .exchange();

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "id"}]}""");
        verifyNoInteractions(saga);
    }

    private MvcTestResult place(String idempotencyKey, String body) {
        return mvc.post()
                .uri("/api/v1/orders")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
                .header(OrderController.IDEMPOTENCY_KEY, idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private MvcTestResult cancel(UUID id) {
        return mvc.post()
                .uri("/api/v1/orders/{id}/cancellation", id)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
                .exchange();
    }

    private String twoProducts() {
        return """
                {"items": [{"productId": "%s", "quantity": 1}, {"productId": "%s", "quantity": 1}]}""".formatted(teapot, UUID.randomUUID());
    }

    private static String order(UUID product, int quantity) {
        return """
                {"items": [{"productId": "%s", "quantity": %d}]}""".formatted(product, quantity);
    }
}
