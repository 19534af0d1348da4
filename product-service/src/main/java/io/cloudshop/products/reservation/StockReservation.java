package io.cloudshop.products.reservation;

import io.cloudshop.common.messaging.ProcessedEvents;
import io.cloudshop.products.product.Money;
import io.cloudshop.products.product.Product;
import io.cloudshop.products.product.ProductCatalog;
import io.cloudshop.products.product.Products;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saga's stock step. Each method applies one event exactly once: the event id is recorded in the same transaction
 * as the effect, so a redelivery changes nothing, and the events the reservation raises go through the outbox in that
 * transaction too (on the repository's save).
 */
@Service
public class StockReservation {

    static final String CONSUMER = "product-service.reservations";

    private final Reservations reservations;
    private final Products products;
    private final ProductCatalog catalog;
    private final ProcessedEvents processed;

    StockReservation(Reservations reservations, Products products, ProductCatalog catalog, ProcessedEvents processed) {
        this.reservations = reservations;
        this.products = products;
        this.catalog = catalog;
        this.processed = processed;
    }

    /**
     * Reserves every line or none, in one transaction: each product's row is locked and checked (live, enough stock),
     * in product-id order, so two orders for the same products lock them in the same order and cannot deadlock; only
     * when every line can be served is stock taken, so it never goes negative. Otherwise the rejection names the short
     * lines, as they stood under the lock.
     */
    @Transactional
    public void reserve(UUID eventId, UUID orderId, UUID customerId, Money total, List<Line> lines) {
        if (!processed.firstTime(CONSUMER, eventId) || reservations.existsById(orderId)) {
            return; // a redelivery, or the order was cancelled before it arrived
        }
        List<Line> ordered =
                lines.stream().sorted(Comparator.comparing(Line::productId)).toList();
        List<StockRejected.Line> shortfall = new ArrayList<>();
        for (Line line : ordered) {
            int available = products.lockById(line.productId())
                    .filter(product -> !product.deleted())
                    .map(Product::stock)
                    .orElse(0);
            if (available < line.quantity()) {
                shortfall.add(new StockRejected.Line(line.productId(), line.quantity(), available));
            }
        }
        if (!shortfall.isEmpty()) {
            reservations.save(Reservation.rejected(orderId, customerId, shortfall));
            return;
        }
        for (Line line : ordered) {
            if (products.reserveStock(line.productId(), line.quantity()) != 1) {
                throw new IllegalStateException("Stock of a locked, checked product changed: " + line.productId());
            }
            catalog.evictAfterCommit(line.productId());
        }
        reservations.save(Reservation.reserved(orderId, customerId, ordered, total));
    }

    /** A confirmed order: its reservation becomes a sale (the stock stays gone). */
    @Transactional
    public void sell(UUID eventId, UUID orderId) {
        if (processed.firstTime(CONSUMER, eventId)) {
            reservations.findById(orderId).ifPresent(reservation -> reservations.save(sell(reservation)));
        }
    }

    /**
     * A cancelled order: whatever it holds goes back to stock, once. A cancellation that arrives before its order
     * leaves a marker, so the late OrderPlaced reserves nothing.
     */
    @Transactional
    public void release(UUID eventId, UUID orderId) {
        if (!processed.firstTime(CONSUMER, eventId)) {
            return;
        }
        Reservation reservation = reservations.findById(orderId).orElse(null);
        if (reservation == null) {
            reservations.save(Reservation.cancelledBeforePlaced(orderId));
            return;
        }
        if (!reservation.holdsStock()) {
            return;
        }
        // In product-id order, like reserve(): two transactions never wait for each other's rows crosswise.
        for (Line line : reservation.lines().stream()
                .sorted(Comparator.comparing(Line::productId))
                .toList()) {
            products.adjustStock(line.productId(), line.quantity());
            catalog.evictAfterCommit(line.productId());
        }
        reservation.release();
        reservations.save(reservation);
    }

    private static Reservation sell(Reservation reservation) {
        reservation.sell();
        return reservation;
    }
}
