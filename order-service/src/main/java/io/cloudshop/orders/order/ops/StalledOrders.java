package io.cloudshop.orders.order.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * PENDING orders whose saga has not moved for longer than {@code orders.ops.stalled-after} (30 s; a healthy saga
 * finishes in about a second). {@code cloudshop.orders.stalled} is their number, the one the {@code SagaStalled}
 * alert watches, counted every {@code orders.ops.stalled-check-interval} (15 s) off the scrape path (an indexed count; {@code NaN} while the database does not
 * answer); {@code /actuator/saga} lists them.
 */
@Component
class StalledOrders {

    private final JdbcClient jdbc;
    private final Duration stalledAfter;
    private volatile double stalled = Double.NaN;

    StalledOrders(JdbcClient jdbc, MeterRegistry registry, OpsSettings settings) {
        this.jdbc = jdbc;
        this.stalledAfter = settings.stalledAfter();
        Gauge.builder("cloudshop.orders.stalled", this, orders -> orders.stalled)
                .description("PENDING orders whose saga has not moved for longer than orders.ops.stalled-after")
                .register(registry);
    }

    Duration stalledAfter() {
        return stalledAfter;
    }

    /** PENDING orders whose last step was before {@code before}. */
    long countSince(Instant before) {
        return jdbc.sql("select count(*) from orders where status = 'PENDING' and last_progress_at < ?")
                .param(Timestamp.from(before))
                .query(Long.class)
                .single();
    }

    /** Run every {@code orders.ops.stalled-check-interval} ({@link OpsConfiguration}). */
    void count() {
        try {
            stalled = countSince(Instant.now().minus(stalledAfter));
        } catch (RuntimeException ex) {
            stalled = Double.NaN;
            throw ex;
        }
    }
}
