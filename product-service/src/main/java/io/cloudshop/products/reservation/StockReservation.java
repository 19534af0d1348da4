package io.cloudshop.products.reservation;

import io.cloudshop.common.messaging.ProcessedEvents;
import io.cloudshop.products.product.Product;
import io.cloudshop.products.product.ProductCatalog;
import io.cloudshop.products.product.Products;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

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
    private final TransactionTemplate transaction;

    StockReservation(
            Reservations reservations,
            Products products,
            ProductCatalog catalog,
            ProcessedEvents processed,
            TransactionTemplate transaction) {
        this.reservations = reservations;
        this.products = products;
        this.catalog = catalog;
        this.processed = processed;
        this.transaction = transaction;
    }

    public record Line(UUID productId, int quantity) {}

    /**
     * Reserves every line or none. Lines are taken in product-id order, so two orders for the same products lock
     * them in the same order and cannot deadlock; each take is one conditional UPDATE (live and enough stock), so
     * stock never goes negative. When one fails, the whole transaction rolls back and a second one records the
     * rejection.
     */
    public void reserve(UUID eventId, UUID orderId, UUID customerId, StockReserved.Money total, List<Line> lines) {
        List<Line> ordered =
                lines.stream().sorted(Comparator.comparing(Line::productId)).toList();
        try {
            transaction.executeWithoutResult(status -> {
                if (!processed.firstTime(CONSUMER, eventId) || reservations.existsById(orderId)) {
                    return; // a redelivery, or the order was cancelled before it arrived
                }
                for (Line line : ordered) {
                    if (products.reserveStock(line.productId(), line.quantity()) == 0) {
                        throw new Unavailable();
                    }
                    catalog.evictAfterCommit(line.productId());
                }
                reservations.save(Reservation.reserved(
                        orderId,
                        customerId,
                        ordered.stream()
                                .map(line -> new Reservation.Line(line.productId(), line.quantity()))
                                .toList(),
                        total));
            });
        } catch (Unavailable ex) {
            transaction.executeWithoutResult(status -> {
                if (!processed.firstTime(CONSUMER, eventId) || reservations.existsById(orderId)) {
                    return;
                }
                reservations.save(Reservation.rejected(orderId, customerId, shortfall(ordered)));
            });
        }
    }

    /** A confirmed order: its reservation becomes a sale (the stock stays gone). */
    public void sell(UUID eventId, UUID orderId) {
        transaction.executeWithoutResult(status -> {
            if (processed.firstTime(CONSUMER, eventId)) {
                reservations.findById(orderId).ifPresent(reservation -> reservations.save(sell(reservation)));
            }
        });
    }

    /**
     * A cancelled order: whatever it holds goes back to stock, once. A cancellation that arrives before its order
     * leaves a marker, so the late OrderPlaced reserves nothing.
     */
    public void release(UUID eventId, UUID orderId) {
        transaction.executeWithoutResult(status -> {
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
            for (Reservation.Line line : reservation.lines().stream()
                    .sorted(Comparator.comparing(Reservation.Line::productId))
                    .toList()) {
                products.adjustStock(line.productId(), line.quantity());
                catalog.evictAfterCommit(line.productId());
            }
            reservation.release();
            reservations.save(reservation);
        });
    }

    private static Reservation sell(Reservation reservation) {
        reservation.sell();
        return reservation;
    }

    private List<StockRejected.Line> shortfall(List<Line> lines) {
        return lines.stream()
                .map(line -> {
                    int available = products.findById(line.productId())
                            .filter(product -> !product.deleted())
                            .map(Product::stock)
                            .orElse(0);
                    return new StockRejected.Line(line.productId(), line.quantity(), available);
                })
                .filter(line -> line.available() < line.requested())
                .toList();
    }

    /** Rolls back a reservation that could not take every line. */
    private static final class Unavailable extends RuntimeException {
        Unavailable() {
            super(null, null, false, false);
        }
    }
}
