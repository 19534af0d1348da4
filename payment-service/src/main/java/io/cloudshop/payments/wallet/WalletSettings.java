package io.cloudshop.payments.wallet;

import java.math.BigDecimal;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param currency the currency of every new wallet (the demo catalog's)
 * @param maxTopUp the largest single top-up, against typos and abuse
 */
@ConfigurationProperties("wallets")
public record WalletSettings(
        @DefaultValue("EUR") String currency,
        @DefaultValue("1000") BigDecimal maxTopUp) {}
