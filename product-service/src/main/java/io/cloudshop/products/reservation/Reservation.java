package io.cloudshop.products.reservation;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
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

/** The stock one order holds, and what became of it. */
@Entity
@Table(name = "reservations")
class Reservation {

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

    @Embeddable
    record Line(@Column(name = "product_id") UUID productId, int quantity) {}

    private Reservation(UUID orderId, @Nullable UUID customerId, ReservationStatus status, List<Line> lines) {
        this.orderId = orderId;
        this.customerId = customerId;
        this.status = status;
        this.lines = new ArrayList<>(lines);
        this.createdAt = Instant.now();
        this.updatedAt = createdAt;
    }

    static Reservation reserved(UUID orderId, UUID customerId, List<Line> lines) {
        return new Reservation(orderId, customerId, ReservationStatus.RESERVED, lines);
    }

    static Reservation rejected(UUID orderId, UUID customerId) {
        return new Reservation(orderId, customerId, ReservationStatus.REJECTED, List.of());
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

    void release() {
        moveTo(ReservationStatus.RELEASED);
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
