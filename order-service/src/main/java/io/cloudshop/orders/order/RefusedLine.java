package io.cloudshop.orders.order;

/** Why one line of a requested order cannot be ordered; {@code index} counts from 0 in the order the lines came. */
public record RefusedLine(int index, String reason) {}
