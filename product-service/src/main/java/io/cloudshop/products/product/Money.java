package io.cloudshop.products.product;

import io.cloudshop.products.product.InvalidMoneyException.Violation;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An exact price: a positive decimal amount in an ISO 4217 currency, with no more decimals than the currency's minor
 * unit (2 for EUR, 0 for JPY, 3 for BHD). The amount is kept at exactly that scale, so {@code 12.5 EUR} is
 * {@code 12.50}.
 */
public record Money(BigDecimal amount, String currency) {

    /** The largest price the catalog takes: far above any product, far below numeric(19,4)'s limit. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000");

    public Money {
        amount = amount.setScale(Currency.getInstance(currency).getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
    }

    /**
     * Validates client input.
     *
     * @throws InvalidMoneyException naming {@code field.currency} and/or {@code field.amount}
     */
    public static Money parse(String field, BigDecimal amount, String currency) {
        List<Violation> errors = new ArrayList<>();
        Currency known = knownCurrency(currency);
        if (known == null) {
            errors.add(new Violation(field + ".currency", "must be an ISO 4217 currency code, e.g. EUR"));
        }
        if (amount.signum() <= 0) {
            errors.add(new Violation(field + ".amount", "must be greater than 0"));
        } else if (amount.compareTo(MAX_AMOUNT) > 0) {
            errors.add(new Violation(field + ".amount", "must be at most " + MAX_AMOUNT.toPlainString()));
        } else if (known != null && amount.stripTrailingZeros().scale() > known.getDefaultFractionDigits()) {
            errors.add(new Violation(
                    field + ".amount",
                    "must have at most " + known.getDefaultFractionDigits() + " decimals in "
                            + known.getCurrencyCode()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidMoneyException(errors);
        }
        return new Money(amount, currency);
    }

    /** Upper-case three-letter codes of real currencies with minor units (not XXX, XAU and the like). */
    private static @Nullable Currency knownCurrency(String code) {
        if (!code.matches("[A-Z]{3}")) {
            return null;
        }
        try {
            Currency currency = Currency.getInstance(code);
            return currency.getDefaultFractionDigits() >= 0 ? currency : null;
        } catch (IllegalArgumentException ex) {
            return null;
        }
    }
}
