package io.cloudshop.payments.wallet.web;

import static io.cloudshop.testsupport.WebSlices.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

import io.cloudshop.payments.wallet.WalletRefusals;
import io.cloudshop.payments.wallet.WalletSettings;
import io.cloudshop.payments.wallet.Wallets;
import io.cloudshop.payments.wallet.Wallets.TopUp;
import io.cloudshop.payments.wallet.Wallets.Wallet;
import io.cloudshop.testsupport.TestTokens;
import io.cloudshop.testsupport.TestTokensConfiguration;
import java.math.BigDecimal;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
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
 * The wallet API over Spring MVC alone: its validation, the answers {@link WalletProblems} gives the use case's
 * refusals, and the mapping of its results, with common's problem details and bearer-token security exactly as in
 * production, and the wallet settings of the service's configuration (a top-up of at most 1000). The use case is a
 * mock; its behaviour is the integration tests' subject.
 */
@WebMvcTest(WalletController.class)
@Import({TestTokensConfiguration.class, WalletControllerTests.Settings.class})
class WalletControllerTests {

    @TestConfiguration(proxyBeanMethods = false)
    @EnableConfigurationProperties(WalletSettings.class)
    static class Settings {}

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Wallets wallets;

    final UUID customer = UUID.randomUUID();

    static Stream<Arguments> endpoints() {
        return Stream.of(Arguments.of("GET", "/api/v1/wallets/me"), Arguments.of("POST", "/api/v1/wallets/me/top-ups"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpoints")
    void everyEndpointNeedsAToken(String method, String path) {
        MvcTestResult result = mvc.method(HttpMethod.valueOf(method))
                .uri(path)
                .header("Idempotency-Key", "key-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content(topUpOf("10.00"))
                .exchange();

        assertProblem(result, HttpStatus.UNAUTHORIZED).isLenientlyEqualTo("""
                {"code": "UNAUTHORIZED"}""");
        verifyNoInteractions(wallets);
    }

    @Test
    void theCallerSeesTheirOwnWallet() {
        given(wallets.of(customer)).willReturn(new Wallet(customer, new BigDecimal("12.5000"), "EUR"));

        MvcTestResult result = mvc.get()
                .uri("/api/v1/wallets/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
                .exchange();

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"balance": 12.50, "currency": "EUR"}""");
    }

    @Test
    void theBalanceShowsAtTheCurrencysScale() {
        given(wallets.of(customer)).willReturn(new Wallet(customer, new BigDecimal("12.5000"), "EUR"));

        MvcTestResult result = mvc.get()
                .uri("/api/v1/wallets/me")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
                .exchange();

        assertThat(result).bodyText().contains("\"balance\":12.50,");
    }

    static Stream<Arguments> invalidTopUps() {
        return Stream.of(
                Arguments.of("no amount", "{}", "amount"),
                Arguments.of("a null amount", "{\"amount\": null}", "amount"),
                Arguments.of("zero", topUpOf("0"), "amount"),
                Arguments.of("a negative amount", topUpOf("-5.00"), "amount"),
                Arguments.of("three decimal places", topUpOf("10.005"), "amount"),
                Arguments.of("eight integer digits", topUpOf("10000000"), "amount"),
                Arguments.of("the amount as text", "{\"amount\": \"10.00\"}", "amount"),
                Arguments.of("a member the API does not offer", "{\"amount\": 10, \"currency\": \"USD\"}", "currency"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidTopUps")
    void anInvalidTopUpIsRefusedNamingTheFieldAndAddsNothing(String kind, String body, String field) {
        MvcTestResult result = topUp("key-1", body);

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "%s"}]}""".formatted(field));
        verifyNoInteractions(wallets);
    }

    @Test
    void aTopUpBeyondTheLargestIsRefusedSayingWhatTheLargestIsAndAddsNothing() {
        MvcTestResult result = topUp("key-1", topUpOf("1000.01"));

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED",
                 "errors": [{"field": "amount", "message": "must be at most 1000 per top-up"}]}""");
        verifyNoInteractions(wallets);
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
    void anInvalidIdempotencyKeyIsRefusedAndAddsNothing(String kind, String key) {
        MvcTestResult result = topUp(key, topUpOf("10.00"));

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "Idempotency-Key"}]}""");
        verifyNoInteractions(wallets);
    }

    @Test
    void aTopUpWithoutIdempotencyKeyIsRefusedAndAddsNothing() {
        MvcTestResult result = mvc.post()
                .uri("/api/v1/wallets/me/top-ups")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
                .contentType(MediaType.APPLICATION_JSON)
                .content(topUpOf("10.00"))
                .exchange();

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "Idempotency-Key"}]}""");
        verifyNoInteractions(wallets);
    }

    @Test
    void aTopUpAnswersTheNewBalance() {
        given(wallets.topUp(any(), anyString(), any()))
                .willReturn(new TopUp(new Wallet(customer, new BigDecimal("35.0000"), "EUR"), false));

        MvcTestResult result = topUp("key-1", topUpOf("25.00"));

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"balance": 35.00, "currency": "EUR"}""");
    }

    @Test
    void aFirstTopUpIsNotMarkedAsReplayed() {
        given(wallets.topUp(any(), anyString(), any()))
                .willReturn(new TopUp(new Wallet(customer, new BigDecimal("35.00"), "EUR"), false));

        MvcTestResult result = topUp("key-1", topUpOf("25.00"));

        assertThat(result).doesNotContainHeader("Idempotent-Replayed");
    }

    @Test
    void theCallersWalletIsToppedUpUnderTheKey() {
        given(wallets.topUp(any(), anyString(), any()))
                .willReturn(new TopUp(new Wallet(customer, new BigDecimal("35.00"), "EUR"), false));

        topUp("key-1", topUpOf("25.00"));

        then(wallets).should().topUp(customer, "key-1", new BigDecimal("25.00"));
    }

    @Test
    void aReplayedTopUpSaysSo() {
        given(wallets.topUp(any(), anyString(), any()))
                .willReturn(new TopUp(new Wallet(customer, new BigDecimal("35.00"), "EUR"), true));

        MvcTestResult result = topUp("key-1", topUpOf("25.00"));

        assertThat(result).hasStatusOk().hasHeader("Idempotent-Replayed", "true");
    }

    @Test
    void aKeyReusedForAnotherAmountIsUnprocessable() {
        given(wallets.topUp(any(), anyString(), any())).willThrow(WalletRefusals.keyReused());

        MvcTestResult result = topUp("key-1", topUpOf("25.00"));

        assertProblem(result, HttpStatus.UNPROCESSABLE_CONTENT).isLenientlyEqualTo("""
                {"code": "IDEMPOTENCY_KEY_REUSED",
                 "detail": "This Idempotency-Key was already used for a top-up of another amount."}""");
    }

    @Test
    void aTopUpBeyondTheDailyCapIsUnprocessable() {
        given(wallets.topUp(any(), anyString(), any()))
                .willThrow(WalletRefusals.topUpLimitExceeded(new BigDecimal("2000")));

        MvcTestResult result = topUp("key-1", topUpOf("25.00"));

        assertProblem(result, HttpStatus.UNPROCESSABLE_CONTENT).isLenientlyEqualTo("""
                {"code": "TOP_UP_LIMIT_EXCEEDED",
                 "detail": "Top-ups are limited to 2000 in 24 hours; this one would exceed that."}""");
    }

    private MvcTestResult topUp(String idempotencyKey, String body) {
        return mvc.post()
                .uri("/api/v1/wallets/me/top-ups")
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(customer))
                .header("Idempotency-Key", idempotencyKey)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private static String topUpOf(String amount) {
        return "{\"amount\": " + amount + "}";
    }
}
