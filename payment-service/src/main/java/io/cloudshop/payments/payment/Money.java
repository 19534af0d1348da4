package io.cloudshop.payments.payment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount in a currency, at the currency's scale (12.5000 as stored is 12.50 EUR): the one money type of this
 * service, carried by its events and its answers alike. (The saga listener reads other services' totals through its
 * own tolerant type, which also refuses what this service cannot charge.)
 */
public record Money(BigDecimal amount, String currency) {

    /** @throws ArithmeticException when {@code amount} has more fraction digits than the currency allows */
    public static Money of(BigDecimal amount, String currency) {
        return new Money(
                amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.UNNECESSARY),
                currency);
    }
}
