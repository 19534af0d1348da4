package io.cloudshop.common.messaging;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox as operators see it: {@code cloudshop.outbox.backlog} (publications not yet acknowledged by Kafka) and
 * {@code cloudshop.outbox.oldest.age} (seconds since the oldest of them was published; 0 when there is none). A
 * healthy service keeps both near 0; a growing age means events are not leaving (Kafka unreachable, a broker
 * rejecting them), which is what the {@code OutboxEventsStuck} alert watches.
 *
 * <p>Read by {@link #refresh()} on a schedule, not on scrape, so a slow or unreachable database never slows the
 * Prometheus endpoint; the age still grows between refreshes. Unknown (the last refresh failed) is {@code NaN}.
 */
public class OutboxMetrics {

    private final JdbcClient jdbc;
    private final Clock clock;
    private volatile Snapshot snapshot = Snapshot.UNKNOWN;

    OutboxMetrics(JdbcClient jdbc, MeterRegistry registry, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        Gauge.builder("cloudshop.outbox.backlog", this, metrics -> metrics.snapshot.backlog())
                .description("Outbox publications not yet acknowledged by Kafka")
                .register(registry);
        Gauge.builder("cloudshop.outbox.oldest.age", this, OutboxMetrics::oldestAgeSeconds)
                .description("Age of the oldest outbox publication not yet acknowledged by Kafka")
                .baseUnit("seconds")
                .register(registry);
    }

    void refresh() {
        try {
            snapshot = read();
        } catch (RuntimeException ex) {
            snapshot = Snapshot.UNKNOWN;
            throw ex;
        }
    }

    private Snapshot read() {
        return jdbc.sql("select count(*) as backlog, min(publication_date) as oldest"
                        + " from event_publication where completion_date is null")
                .query((rs, row) -> {
                    Timestamp oldest = rs.getTimestamp("oldest");
                    return new Snapshot(rs.getLong("backlog"), oldest == null ? null : oldest.toInstant());
                })
                .single();
    }

    public double oldestAgeSeconds() {
        Snapshot now = snapshot;
        if (Double.isNaN(now.backlog())) {
            return Double.NaN;
        }
        Instant oldest = now.oldest();
        return oldest == null
                ? 0
                : Math.max(0, Duration.between(oldest, clock.instant()).toMillis() / 1000.0);
    }

    public double backlog() {
        return snapshot.backlog();
    }

    private record Snapshot(double backlog, @Nullable Instant oldest) {
        static final Snapshot UNKNOWN = new Snapshot(Double.NaN, null);
    }
}
