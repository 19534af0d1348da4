package io.cloudshop.orders.order.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code cloudshop.orders.stalled}: PENDING orders whose saga has not moved for longer than
 * {@code orders.ops.stalled-after}, the number the {@code SagaStalled} alert watches (the orders themselves are listed
 * at {@code /actuator/saga}). Counted every 15 s off the scrape path (an indexed count); {@code NaN} while the
 * database does not answer.
 */
@Component
class StalledOrdersGauge {

    private final JdbcClient jdbc;
    private final Duration stalledAfter;
    private volatile double stalled = Double.NaN;

    StalledOrdersGauge(
            JdbcClient jdbc, MeterRegistry registry, @Value("${orders.ops.stalled-after:30s}") Duration stalledAfter) {
        this.jdbc = jdbc;
        this.stalledAfter = stalledAfter;
        Gauge.builder("cloudshop.orders.stalled", this, gauge -> gauge.stalled)
                .description("PENDING orders whose saga has not moved for longer than orders.ops.stalled-after")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${orders.ops.stalled-check-interval:15s}")
    void count() {
        try {
            stalled = jdbc.sql("select count(*) from orders where status = 'PENDING' and last_progress_at < ?")
                    .param(Timestamp.from(Instant.now().minus(stalledAfter)))
                    .query(Long.class)
                    .single();
        } catch (RuntimeException ex) {
            stalled = Double.NaN;
            throw ex;
        }
    }
}
