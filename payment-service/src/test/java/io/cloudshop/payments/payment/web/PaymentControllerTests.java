package io.cloudshop.payments.payment.web;

import static io.cloudshop.testsupport.WebSlices.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

import io.cloudshop.payments.payment.Payment;
import io.cloudshop.payments.payment.PaymentFixtures;
import io.cloudshop.payments.payment.PaymentQueries;
import io.cloudshop.payments.payment.PaymentRefusals;
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
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The payment API over Spring MVC alone: its validation, the answers {@link PaymentProblems} gives the use case's
 * refusals, and the mapping of its results, with common's problem details and bearer-token security exactly as in
 * production. The use case is a mock; its behaviour is the integration tests' subject.
 */
@WebMvcTest(PaymentController.class)
@Import(TestTokensConfiguration.class)
class PaymentControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    PaymentQueries payments;

    final UUID customer = UUID.randomUUID();
    final UUID order = UUID.randomUUID();
    final Payment payment = PaymentFixtures.completed(order, customer, new BigDecimal("25.80"), "EUR");

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/payments", "/api/v1/payments/6f1c1b8e-0a44-4c43-9a55-3f4e0d3c9a11"})
    void everyEndpointNeedsAToken(String path) {
        MvcTestResult result = mvc.get().uri(path).exchange();

        assertProblem(result, HttpStatus.UNAUTHORIZED).isLenientlyEqualTo("""
                {"code": "UNAUTHORIZED"}""");
        verifyNoInteractions(payments);
    }

    static Stream<Arguments> invalidListings() {
        return Stream.of(
                Arguments.of("page=-1", "page"),
                Arguments.of("size=0", "size"),
                Arguments.of("size=101", "size"),
                Arguments.of("sort=status", "sort"),
                Arguments.of("sort=amount,upwards", "sort"),
                Arguments.of("orderId=42", "orderId"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidListings")
    void anInvalidListingIsRefusedNamingTheParameter(String query, String parameter) {
        MvcTestResult result = asCustomer(mvc.get().uri("/api/v1/payments?" + query));

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "%s"}]}""".formatted(parameter));
        verifyNoInteractions(payments);
    }

    @Test
    void aCustomerListsTheirOwnPaymentsInPages() {
        given(payments.list(eq(customer), eq(false), isNull(), any()))
                .willReturn(new PageImpl<>(List.of(payment), PageRequest.of(0, 20), 1));

        MvcTestResult result = asCustomer(mvc.get().uri("/api/v1/payments"));

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {
                  "content": [{"id": "%s", "orderId": "%s", "status": "COMPLETED",
                               "amount": {"amount": 25.80, "currency": "EUR"}}],
                  "page": {"size": 20, "number": 0, "totalElements": 1, "totalPages": 1}
                }""".formatted(payment.id(), order));
    }

    @Test
    void anAdminListsAsAnAdmin() {
        UUID admin = UUID.randomUUID();
        given(payments.list(eq(admin), eq(true), isNull(), any()))
                .willReturn(new PageImpl<>(List.of(payment), PageRequest.of(0, 20), 1));

        MvcTestResult result = mvc.get()
                .uri("/api/v1/payments")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin(admin))
                .exchange();

        assertThat(result)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.content[0].customerId")
                .isEqualTo(customer.toString());
    }

    @Test
    void theListingAsksForTheRequestedOrderPageAndSort() {
        given(payments.list(any(), anyBoolean(), any(), any())).willReturn(new PageImpl<>(List.of()));

        asCustomer(mvc.get().uri("/api/v1/payments?orderId={order}&page=1&size=5&sort=amount,asc", order));

        then(payments)
                .should()
                .list(
                        customer,
                        false,
                        order,
                        PageRequest.of(1, 5, Sort.by(Sort.Order.asc("amount"), Sort.Order.asc("id"))));
    }

    @Test
    void aCustomerSeesTheirPayment() {
        given(payments.get(payment.id(), customer, false)).willReturn(payment);

        MvcTestResult result = asCustomer(mvc.get().uri("/api/v1/payments/{id}", payment.id()));

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"id": "%s", "orderId": "%s", "customerId": "%s", "status": "COMPLETED",
                 "amount": {"amount": 25.80, "currency": "EUR"}}""".formatted(payment.id(), order, customer));
    }

    @Test
    void aMissingPaymentIsNotFound() {
        given(payments.get(any(), any(), anyBoolean())).willThrow(PaymentRefusals.notFound());

        MvcTestResult result = asCustomer(mvc.get().uri("/api/v1/payments/{id}", UUID.randomUUID()));

        assertProblem(result, HttpStatus.NOT_FOUND).isLenientlyEqualTo("""
                {"code": "NOT_FOUND", "detail": "No payment has this id."}""");
    }

    @Test
    void anIdThatIsNoUuidIsRefusedNamingIt() {
        MvcTestResult result = asCustomer(mvc.get().uri("/api/v1/payments/42"));

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "id"}]}""");
        verifyNoInteractions(payments);
    }

    private MvcTestResult asCustomer(MockMvcTester.MockMvcRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
                .exchange();
    }
}
