package io.cloudshop.orders.order.ops;

import io.cloudshop.common.messaging.DeadLetterEndpoint;
import io.cloudshop.common.messaging.OutboxMetrics;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code /actuator/saga} (ADMIN, like every actuator endpoint but health and info): what an operator asks first when
 * orders seem stuck.
 *
 * <ul>
 *   <li>{@code stalled}: orders still PENDING whose saga has not moved for longer than {@code stalledAfter}
 *       (see {@link StalledOrders}), oldest first. They are
 *       cancelled with reason TIMEOUT once {@code orders.pending-timeout} passes.
 *   <li>{@code timeouts}: orders cancelled with reason TIMEOUT in the last {@code window} (24 h), newest first.
 *   <li>{@code outbox}: events committed but not yet acknowledged by Kafka, and the age of the oldest.
 *   <li>{@code deadLetters}: how many records of each consumed topic are waiting in the dead-letter topic; list and
 *       replay them at {@code /actuator/deadletters}.
 * </ul>
 *
 * Read-only, straight SQL on this service's own tables: an ops view must not load aggregates or take locks.
 */
@Component
@Endpoint(id = "saga")
class SagaOpsEndpoint {

    private static final int LISTED = 20;
    private static final Duration WINDOW = Duration.ofHours(24);

    private final JdbcClient jdbc;
    private final StalledOrders stalledOrders;
    private final ObjectProvider<OutboxMetrics> outbox;
    private final ObjectProvider<DeadLetterEndpoint> deadLetters;

    SagaOpsEndpoint(
            JdbcClient jdbc,
            StalledOrders stalledOrders,
            ObjectProvider<OutboxMetrics> outbox,
            ObjectProvider<DeadLetterEndpoint> deadLetters) {
        this.jdbc = jdbc;
        this.stalledOrders = stalledOrders;
        this.outbox = outbox;
        this.deadLetters = deadLetters;
    }

    record View(
            Stalled stalled, Timeouts timeouts, @Nullable Outbox outbox, Map<String, Integer> deadLetters) {}

    record Stalled(Duration stalledAfter, long count, List<StalledOrder> oldest) {}

    record StalledOrder(
            UUID id,
            Instant placedAt,
            Instant lastProgressAt,
            @Nullable String lastStep) {}

    record Timeouts(Duration window, long count, List<TimedOutOrder> latest) {}

    record TimedOutOrder(UUID id, Instant placedAt, Instant cancelledAt) {}

    /** Null while unknown (the database did not answer the last look). */
    record Outbox(@Nullable Long backlog, @Nullable Double oldestAgeSeconds) {}

    /** {@code stalledAfter}: an ISO-8601 duration ({@code PT5S}) to look at a different threshold than configured. */
    @ReadOperation
    View saga(@Nullable Duration stalledAfter) {
        Duration threshold = stalledAfter != null ? stalledAfter : stalledOrders.stalledAfter();
        Instant stalledBefore = Instant.now().minus(threshold);
        Instant since = Instant.now().minus(WINDOW);
        return new View(
                new Stalled(threshold, stalledOrders.countSince(stalledBefore), stalled(stalledBefore)),
                new Timeouts(WINDOW, timeoutCount(since), timeouts(since)),
                outbox.getIfAvailable() instanceof OutboxMetrics metrics
                        ? new Outbox(
                                Double.isNaN(metrics.backlog()) ? null : (long) metrics.backlog(),
                                Double.isNaN(metrics.oldestAgeSeconds()) ? null : metrics.oldestAgeSeconds())
                        : null,
                deadLetterCounts());
    }

    private List<StalledOrder> stalled(Instant before) {
        return jdbc.sql("""
                        select o.id, o.created_at, o.last_progress_at,
                               (select t.step from order_timeline t where t.order_id = o.id
                                order by t.seq desc limit 1) as last_step
                        from orders o
                        where o.status = 'PENDING' and o.last_progress_at < ?
                        order by o.last_progress_at
                        limit ?
                        """)
                .params(Timestamp.from(before), LISTED)
                .query((rs, row) -> new StalledOrder(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("last_progress_at").toInstant(),
                        rs.getString("last_step")))
                .list();
    }

    private long timeoutCount(Instant since) {
        return jdbc.sql("""
                        select count(*) from order_timeline
                        where step = 'CANCELLED' and detail = 'TIMEOUT' and at >= ?
                        """).param(Timestamp.from(since)).query(Long.class).single();
    }

    private List<TimedOutOrder> timeouts(Instant since) {
        return jdbc.sql("""
                        select o.id, o.created_at, t.at
                        from order_timeline t join orders o on o.id = t.order_id
                        where t.step = 'CANCELLED' and t.detail = 'TIMEOUT' and t.at >= ?
                        order by t.at desc
                        limit ?
                        """)
                .params(Timestamp.from(since), LISTED)
                .query((rs, row) -> new TimedOutOrder(
                        rs.getObject("id", UUID.class),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("at").toInstant()))
                .list();
    }

    private Map<String, Integer> deadLetterCounts() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        DeadLetterEndpoint endpoint = deadLetters.getIfAvailable();
        if (endpoint != null) {
            endpoint.deadLetters().forEach((topic, letters) -> counts.put(topic, letters.size()));
        }
        return counts;
    }
}
