package io.cloudshop.orders.order;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Idempotency-Key}s of order placement, per customer, each stored with the order it placed and in the same
 * transaction ({@link NewOrders}): a key exists exactly when its order does. A placement that fails for any reason, a
 * lost database connection included, leaves nothing behind, so the client can retry with the same key at once. A
 * concurrent request with the same key waits on the key's unique index until the first transaction ends, then
 * answers the first's order (or, if that rolled back, places its own): the database decides, as for wallet top-ups.
 *
 * <p>Hand-written on purpose: no maintained library offers per-customer keys in the service's own database, written in
 * the transaction of the thing they protect; the logic is an insert that may find a committed row.
 */
@Component
class IdempotencyKeys {

    private final JdbcClient jdbc;
    private final OrderSettings settings;

    IdempotencyKeys(JdbcClient jdbc, OrderSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * The order an earlier request with {@code key} and the same body placed, if the key is still remembered. Read
     * before pricing, so that a replay costs no catalog call.
     *
     * @throws IdempotencyKeyReusedException when the key was used with another body
     */
    @Transactional(readOnly = true)
    public Optional<UUID> placedWith(UUID customerId, String key, String requestHash) {
        return jdbc.sql("""
                        select request_hash, order_id from idempotency_keys
                        where customer_id = ? and key = ? and created_at >= now() - make_interval(secs => ?)
                        """)
                .params(customerId, key, seconds(settings.idempotencyKeyTtl()))
                .query((rs, row) -> {
                    if (!rs.getString("request_hash").equals(requestHash)) {
                        throw new IdempotencyKeyReusedException();
                    }
                    return rs.getObject("order_id", UUID.class);
                })
                .optional();
    }

    /**
     * Takes {@code key} for {@code orderId}, about to be stored in the caller's transaction. While another transaction
     * holds the same key this waits for it to end. An expired key is taken over: it may place a new order.
     *
     * @return empty when the key was taken: store the order; otherwise the order an earlier request with this key and
     *     body placed (committed first)
     * @throws IdempotencyKeyReusedException when the key was used with another body
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<UUID> take(UUID customerId, String key, String requestHash, UUID orderId) {
        int taken = jdbc.sql("""
                        insert into idempotency_keys (customer_id, key, request_hash, order_id) values (?, ?, ?, ?)
                        on conflict (customer_id, key) do update
                            set request_hash = excluded.request_hash, order_id = excluded.order_id, created_at = now()
                            where idempotency_keys.created_at < now() - make_interval(secs => ?)
                        """)
                .params(customerId, key, requestHash, orderId, seconds(settings.idempotencyKeyTtl()))
                .update();
        if (taken == 1) {
            return Optional.empty();
        }
        // The conflicting row committed and is not expired; this statement sees it (read committed takes a new
        // snapshot), and now() is the transaction's start, so it is judged by the same clock as the insert above.
        return Optional.of(placedWith(customerId, key, requestHash).orElseThrow());
    }

    /**
     * Deletes expired keys, so the table holds about one TTL's worth of orders. {@link #placedWith} ignores and {@link #take}
     * takes over expired keys; this only bounds growth. A key expires {@code idempotencyKeyTtl} after first use.
     *
     * Run every {@code orders.idempotency-key-cleanup-interval} ({@link OrderConfiguration}).
     *
     * @return how many keys were deleted
     */
    @Transactional
    public int forgetExpired() {
        return jdbc.sql("delete from idempotency_keys where created_at < now() - make_interval(secs => ?)")
                .param(seconds(settings.idempotencyKeyTtl()))
                .update();
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
