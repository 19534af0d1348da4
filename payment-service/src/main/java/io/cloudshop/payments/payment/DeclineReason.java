package io.cloudshop.payments.payment;

import io.cloudshop.payments.wallet.Wallets;

/** Why a payment was declined: the {@code reason} of {@link PaymentEvent.PaymentDeclined} on the wire. */
enum DeclineReason {
    /** The wallet holds the order's currency, but less than its total. */
    INSUFFICIENT_FUNDS,
    /** The wallet holds another currency than the order's total. */
    CURRENCY_MISMATCH;

    /** The reason for a charge the wallet refused. */
    static DeclineReason of(Wallets.Charge refused) {
        return switch (refused) {
            case INSUFFICIENT_FUNDS -> DeclineReason.INSUFFICIENT_FUNDS;
            case CURRENCY_MISMATCH -> DeclineReason.CURRENCY_MISMATCH;
            case CHARGED -> throw new IllegalArgumentException("A charge that went through has no decline reason");
        };
    }
}
