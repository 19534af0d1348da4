package io.cloudshop.payments.wallet;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param currency the currency of every new wallet (the demo catalog's)
 * @param maxTopUp the largest single top-up, against typos and abuse
 * @param maxTopUpsPerDay the most one customer may top up in any 24 hours: with cancellation refunding in full, money
 *     without a limit would let one customer hold any amount of stock at no cost (README, Security)
 */
@ConfigurationProperties("wallets")
public record WalletSettings(
        @DefaultValue("EUR") String currency,
        @DefaultValue("1000") BigDecimal maxTopUp,
        @DefaultValue("2000") BigDecimal maxTopUpsPerDay) {}
