package io.cloudshop.payments.payment;

/** The outcome of charging a customer for an order. */
public enum PaymentStatus {
    COMPLETED,
    DECLINED,
    REFUNDED
}
