package io.cloudshop.orders.order;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.AbstractAggregateRoot;

/**
 * A customer's order: its lines with the prices agreed when it was placed, its total and where it is in the saga. State
 * changes register the event that announces them; the repository's {@code save} hands them to the outbox in the same
 * transaction.
 */
@Entity
@Table(name = "orders")
public class Order extends AbstractAggregateRoot<Order> {

    @Id
    private UUID id;

    @Column(name = "customer_id", nullable = false)
    private UUID customerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private OrderStatus status;

    @Column(name = "total_amount", nullable = false)
    private BigDecimal totalAmount;

    @Column(nullable = false)
    private String currency;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    /** When the saga last moved this order; the timeout counts from here. */
    @Column(name = "last_progress_at", nullable = false)
    private Instant lastProgressAt;

    @ElementCollection
    @CollectionTable(name = "order_lines", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "line_no")
    private List<OrderLine> lines = new ArrayList<>();

    @ElementCollection
    @CollectionTable(name = "order_timeline", joinColumns = @JoinColumn(name = "order_id"))
    @OrderColumn(name = "seq")
    private List<Step> timeline = new ArrayList<>();

    /** Null until first saved, which tells Spring Data the order is new (no merge, no extra select). */
    @Version
    private Long version;

    protected Order() {}

    /**
     * A new PENDING order of {@code lines} (at least one, each product once, all prices in {@code currency}) and its
     * {@link OrderPlaced} event.
     */
    public static Order place(UUID customerId, List<OrderLine> lines, String currency) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("An order needs at least one line");
        }
        Order order = new Order();
        order.id = UUID.randomUUID();
        order.customerId = customerId;
        order.status = OrderStatus.PENDING;
        order.currency = currency;
        order.lines = new ArrayList<>(lines);
        order.totalAmount = lines.stream().map(OrderLine::total).reduce(BigDecimal.ZERO, BigDecimal::add);
        order.createdAt = Instant.now();
        order.record("PLACED", null);
        order.registerEvent(OrderPlaced.of(order));
        return order;
    }

    /** One entry of the order's timeline. */
    @Embeddable
    public record Step(Instant at, String step, @Nullable String detail) {}

    /** Something the saga did that moves nothing here (e.g. stock reserved): recorded for the timeline. */
    public void note(String step, @Nullable String detail) {
        record(step, detail);
    }

    /** Paid: PENDING becomes CONFIRMED. After the order finished, the event is recorded as late and ignored. */
    public void confirm(UUID paymentId) {
        if (status != OrderStatus.PENDING) {
            record("LATE_EVENT_IGNORED", "PaymentCompleted while " + status);
            return;
        }
        status = OrderStatus.CONFIRMED;
        record("CONFIRMED", "payment " + paymentId);
        registerEvent(OrderFinished.confirmed(this));
    }

    /** Stock could not be reserved: PENDING becomes REJECTED. Late: recorded and ignored. */
    public void reject(String reason) {
        if (status != OrderStatus.PENDING) {
            record("LATE_EVENT_IGNORED", "StockRejected while " + status);
            return;
        }
        status = OrderStatus.REJECTED;
        record("REJECTED", reason);
        registerEvent(OrderFinished.rejected(this, reason));
    }

    /**
     * Cancels a PENDING or CONFIRMED order ({@code CUSTOMER}, {@code TIMEOUT}, {@code PAYMENT_DECLINED}); the other
     * services compensate on the event (release or restock, refund).
     *
     * @return false when the order had already finished otherwise (REJECTED or CANCELLED): nothing changes
     */
    public boolean cancel(String reason) {
        if (status == OrderStatus.REJECTED || status == OrderStatus.CANCELLED) {
            return false;
        }
        boolean wasConfirmed = status == OrderStatus.CONFIRMED;
        status = OrderStatus.CANCELLED;
        record("CANCELLED", reason);
        registerEvent(OrderFinished.cancelled(this, reason, wasConfirmed));
        return true;
    }

    /**
     * The customer (or an admin) cancels: as {@link #cancel} with reason {@code CUSTOMER}.
     *
     * @throws OrderFinishedException when the order had already finished otherwise: nothing changes
     */
    public void cancelOnRequest() {
        if (!cancel("CUSTOMER")) {
            throw new OrderFinishedException(status);
        }
    }

    public List<Step> timeline() {
        return List.copyOf(timeline);
    }

    private void record(String step, @Nullable String detail) {
        Instant now = Instant.now();
        timeline.add(new Step(now, step, detail));
        lastProgressAt = now;
    }

    public List<OrderLine> lines() {
        return List.copyOf(lines);
    }

    public UUID id() {
        return id;
    }

    public UUID customerId() {
        return customerId;
    }

    public OrderStatus status() {
        return status;
    }

    public BigDecimal totalAmount() {
        return totalAmount;
    }

    public String currency() {
        return currency;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
