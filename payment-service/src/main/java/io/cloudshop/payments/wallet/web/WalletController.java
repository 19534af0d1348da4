package io.cloudshop.payments.wallet.web;

import io.cloudshop.common.problem.ApiException;
import io.cloudshop.common.security.Caller;
import io.cloudshop.payments.wallet.WalletSettings;
import io.cloudshop.payments.wallet.Wallets;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The caller's own wallet. */
@RestController
@Validated
@RequestMapping("/api/v1/wallets/me")
class WalletController {

    private final Wallets wallets;
    private final WalletSettings settings;

    WalletController(Wallets wallets, WalletSettings settings) {
        this.wallets = wallets;
        this.settings = settings;
    }

    record WalletView(BigDecimal balance, String currency) {

        static WalletView of(Wallets.Wallet wallet) {
            return new WalletView(
                    wallet.balance()
                            .setScale(
                                    Currency.getInstance(wallet.currency()).getDefaultFractionDigits(),
                                    RoundingMode.UNNECESSARY),
                    wallet.currency());
        }
    }

    record TopUp(
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 7, fraction = 2)
            BigDecimal amount) {}

    @GetMapping
    WalletView get(@AuthenticationPrincipal Jwt caller) {
        return WalletView.of(wallets.of(Caller.of(caller).id()));
    }

    /**
     * Adds money (a stand-in for a card payment). The same Idempotency-Key again adds nothing and answers what the
     * first request answered, with {@code Idempotent-Replayed: true}.
     */
    @PostMapping("/top-ups")
    ResponseEntity<WalletView> topUp(
            @AuthenticationPrincipal Jwt caller,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @Valid @RequestBody TopUp topUp) {
        if (key == null || !key.matches("[\\x21-\\x7E]{1,100}")) {
            throw ApiException.invalid("Idempotency-Key", "is required: 1-100 visible ASCII characters, e.g. a UUID");
        }
        if (topUp.amount().compareTo(settings.maxTopUp()) > 0) {
            throw ApiException.invalid(
                    "amount", "must be at most " + settings.maxTopUp().toPlainString() + " per top-up");
        }
        Wallets.TopUp done = wallets.topUp(Caller.of(caller).id(), key, topUp.amount());
        ResponseEntity.BodyBuilder response = ResponseEntity.ok();
        if (done.replayed()) {
            response.header("Idempotent-Replayed", "true");
        }
        return response.body(WalletView.of(done.wallet()));
    }
}
