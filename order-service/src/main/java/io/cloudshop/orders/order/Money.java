package io.cloudshop.orders.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * An amount in a currency, at the currency's scale (12.9000 as stored is 12.90 EUR): the one money type of this service,
 * carried by its events and its answers alike. Amounts are stored as the order's columns; this is how they leave.
 * (The catalog module reads product-service's prices through its own tolerant type, as every reader of another
 * service's contract does.)
 */
public record Money(BigDecimal amount, String currency) {

    /** @throws ArithmeticException when {@code amount} has more fraction digits than the currency allows */
    public static Money of(BigDecimal amount, String currency) {
        return new Money(
                amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.UNNECESSARY),
                currency);
    }
}
