package io.cloudshop.payments.payment;

/**
 * The payments' refusals, for tests outside their package (the web slice) that must throw them from a mocked use case:
 * only the domain raises them, so their constructors are package-private.
 */
public final class PaymentRefusals {

    private PaymentRefusals() {}

    public static PaymentNotFoundException notFound() {
        return new PaymentNotFoundException();
    }
}
