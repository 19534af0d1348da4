package io.cloudshop.payments.wallet;

import java.math.BigDecimal;

/**
 * The wallet's refusals, for tests outside its package (the web slice) that must throw them from a mocked use case:
 * only the domain raises them, so their constructors are package-private.
 */
public final class WalletRefusals {

    private WalletRefusals() {}

    public static IdempotencyKeyReusedException keyReused() {
        return new IdempotencyKeyReusedException();
    }

    public static TopUpLimitExceededException topUpLimitExceeded(BigDecimal limit) {
        return new TopUpLimitExceededException(limit);
    }
}
