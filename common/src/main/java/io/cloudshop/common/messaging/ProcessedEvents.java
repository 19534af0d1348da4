package io.cloudshop.common.messaging;

import java.time.Duration;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The idempotent-consumer ledger: which events each handler has applied. A handler calls {@link #firstTime} in the
 * same transaction as its effect, and applies the effect only when it answers true; a redelivered event then finds
 * its row and changes nothing, and a rolled-back handler leaves no row, so the retry applies it. Each service's
 * migrations create the table:
 *
 * <pre>
 * create table processed_events (
 *     consumer     varchar(100) not null,
 *     event_id     uuid         not null,
 *     processed_at timestamptz  not null default now(),
 *     primary key (consumer, event_id)
 * );
 * </pre>
 */
public class ProcessedEvents {

    private final JdbcClient jdbc;

    public ProcessedEvents(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Forgets events handled before {@code retention} ago. Their redelivery is then no longer recognised by id, so
     * the retention must outlast any redelivery: the topics' retention and the age of any dead letter still to be
     * replayed. Handlers keep their own business guards too (one charge per order, reservation states).
     *
     * @return how many records were deleted; 0 in a service without the table (a producer only, like user-service)
     */
    public int forgetOlderThan(Duration retention) {
        boolean ledger = Boolean.TRUE.equals(jdbc.sql("select to_regclass('processed_events') is not null")
                .query(Boolean.class)
                .single());
        if (!ledger) {
            return 0;
        }
        return jdbc.sql("delete from processed_events where processed_at < now() - make_interval(secs => ?)")
                .param(retention.toSeconds())
                .update();
    }

    /**
     * Records that {@code consumer} handles {@code eventId}; false when it already has.
     *
     * @throws IllegalStateException outside a transaction, where the record and the effect could part ways
     */
    public boolean firstTime(String consumer, UUID eventId) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalStateException("ProcessedEvents must share the handler's transaction");
        }
        return jdbc.sql("insert into processed_events (consumer, event_id) values (?, ?) on conflict do nothing")
                        .params(consumer, eventId)
                        .update()
                == 1;
    }
}
