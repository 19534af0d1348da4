package io.cloudshop.payments.payment;

/** No payment has the id, or the caller may not see it: the two are indistinguishable on purpose. */
public class PaymentNotFoundException extends RuntimeException {

    PaymentNotFoundException() {
        super("No payment has this id.");
    }
}
