package io.cloudshop.orders.order;

import io.cloudshop.common.transaction.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The saga's funnel for operators, counted when the transaction that changed the order commits (a rolled-back step
 * counts nothing):
 *
 * <ul>
 *   <li>{@code cloudshop.orders.placed}: orders stored PENDING.
 *   <li>{@code cloudshop.orders.finished{outcome, reason}}: orders that left PENDING, by outcome (CONFIRMED, REJECTED,
 *       CANCELLED) and reason ({@code OUT_OF_STOCK}, {@code PAYMENT_DECLINED}, {@code TIMEOUT}, {@code CUSTOMER};
 *       {@code none} for a confirmation). A confirmed order cancelled later counts as {@code CANCELLED} with
 *       {@code after=CONFIRMED}.
 *   <li>{@code cloudshop.saga.duration{outcome}}: from placement to leaving PENDING, with a histogram for percentiles.
 * </ul>
 */
@Component
class SagaMetrics {

    private final MeterRegistry registry;
    private final Counter placed;

    SagaMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.placed = Counter.builder("cloudshop.orders.placed")
                .description("Orders stored PENDING")
                .register(registry);
    }

    void placed() {
        AfterCommit.run(placed::increment);
    }

    /** Call after {@code order} changed; {@code before} is its status before the change. */
    void changed(Order order, OrderStatus before) {
        OrderStatus now = order.status();
        if (now == before || now == OrderStatus.PENDING) {
            return;
        }
        List<Order.Step> timeline = order.timeline();
        String reason = timeline.isEmpty() || timeline.getLast().detail() == null || now == OrderStatus.CONFIRMED
                ? "none"
                : timeline.getLast().detail();
        Counter finished = Counter.builder("cloudshop.orders.finished")
                .description("Orders that left PENDING (or a confirmed one cancelled), by outcome and reason")
                .tag("outcome", now.name())
                .tag("reason", reason)
                .tag("after", before.name())
                .register(registry);
        Duration duration = Duration.between(order.createdAt(), Instant.now());
        AfterCommit.run(() -> {
            finished.increment();
            if (before == OrderStatus.PENDING) {
                Timer.builder("cloudshop.saga.duration")
                        .description("From placement to CONFIRMED, REJECTED or CANCELLED")
                        .tag("outcome", now.name())
                        .publishPercentileHistogram()
                        .minimumExpectedValue(Duration.ofMillis(10))
                        .maximumExpectedValue(Duration.ofMinutes(5))
                        .register(registry)
                        .record(duration);
            }
        });
    }
}
