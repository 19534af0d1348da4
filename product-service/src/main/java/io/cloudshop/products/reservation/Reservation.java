package io.cloudshop.products.reservation;

import io.cloudshop.products.product.Money;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/** The stock one order holds, and what became of it. */
@Entity
@Table(name = "reservations")
class Reservation extends AbstractAggregateRoot<Reservation> {

    @Id
    @Column(name = "order_id")
    private UUID orderId;

    @Column(name = "customer_id")
    private @Nullable UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReservationStatus status;

    @ElementCollection
    @CollectionTable(name = "reservation_lines", joinColumns = @JoinColumn(name = "order_id"))
    private List<Line> lines = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    /** Null until first saved, which tells Spring Data the reservation is new. */
    @Version
    private @Nullable Long version;

    protected Reservation() {}

    private Reservation(UUID orderId, @Nullable UUID customerId, ReservationStatus status, List<Line> lines) {
        this.orderId = orderId;
        this.customerId = customerId;
        this.status = status;
        this.lines = new ArrayList<>(lines);
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    /** Every line is held for the order, whose {@code total} the payment step takes: {@link StockReserved}. */
    static Reservation reserved(UUID orderId, UUID customerId, List<Line> lines, Money total) {
        Reservation reservation = new Reservation(orderId, customerId, ReservationStatus.RESERVED, lines);
        reservation.registerEvent(StockReserved.of(orderId, customerId, total, lines));
        return reservation;
    }

    /** Some lines could not be served ({@code shortfall}), so nothing is held: {@link StockRejected}. */
    static Reservation rejected(UUID orderId, UUID customerId, List<StockRejected.Line> shortfall) {
        Reservation reservation = new Reservation(orderId, customerId, ReservationStatus.REJECTED, List.of());
        reservation.registerEvent(StockRejected.of(orderId, customerId, shortfall));
        return reservation;
    }

    /** A cancellation that overtook its order: the order's OrderPlaced, when it comes, reserves nothing. */
    static Reservation cancelledBeforePlaced(UUID orderId) {
        return new Reservation(orderId, null, ReservationStatus.CANCELLED, List.of());
    }

    /** Whether this reservation still holds stock for the shop (reserved or sold) that a cancellation returns. */
    boolean holdsStock() {
        return status == ReservationStatus.RESERVED || status == ReservationStatus.SOLD;
    }

    void sell() {
        if (status == ReservationStatus.RESERVED) {
            moveTo(ReservationStatus.SOLD);
        }
    }

    /** Whatever it held is back in stock (the caller puts it back in the same transaction): {@link StockReleased}. */
    void release() {
        moveTo(ReservationStatus.RELEASED);
        registerEvent(StockReleased.of(orderId));
    }

    private void moveTo(ReservationStatus next) {
        status = next;
        updatedAt = Instant.now();
    }

    UUID orderId() {
        return orderId;
    }

    ReservationStatus status() {
        return status;
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }
}
