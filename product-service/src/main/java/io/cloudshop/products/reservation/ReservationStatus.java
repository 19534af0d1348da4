package io.cloudshop.products.reservation;

/** See the reservations table's comment in V3__stock_reservations.sql. */
public enum ReservationStatus {
    RESERVED,
    SOLD,
    RELEASED,
    REJECTED,
    CANCELLED
}
