/**
 * Stock reservations for orders, the product-service step of the order saga: on {@code OrderPlaced} all lines are
 * reserved atomically or none ({@link StockReserved} / {@link StockRejected}); a confirmed order's reservation becomes
 * a sale; a cancelled order's stock goes back. Every handler is idempotent (common's {@code ProcessedEvents}) and
 * tolerates events arriving out of order.
 */
@NullMarked
package io.cloudshop.products.reservation;

import org.jspecify.annotations.NullMarked;
