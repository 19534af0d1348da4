package io.cloudshop.orders.order;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code Idempotency-Key}s of order placement, per customer. A key is claimed by the first request (in flight), then
 * completed with the order it created, or released when that request failed, so the client can fix and retry.
 *
 * <p>Hand-written on purpose: no maintained library offers per-user keys in the service's own database with the
 * in-flight/mismatch semantics the API promises, and the logic is three statements.
 */
@Component
class IdempotencyKeys {

    private final JdbcClient jdbc;
    private final OrderSettings settings;

    IdempotencyKeys(JdbcClient jdbc, OrderSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** The outcome of claiming a key: new (go ahead), or the order an earlier identical request created. */
    sealed interface Claim {
        /** {@code claimId}: pass it to complete or release, which touch this claim only. */
        record Claimed(UUID claimId) implements Claim {}

        record Completed(UUID orderId) implements Claim {}
    }

    /**
     * Claims {@code key} for a request whose body hashes to {@code requestHash}. Commits at once, so a concurrent
     * request with the same key sees the claim.
     *
     * @throws IdempotencyKeyInFlightException while the first request is still being processed
     * @throws IdempotencyKeyReusedException when the key was used with another body
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Claim claim(UUID customerId, String key, String requestHash) {
        // Expired keys are forgotten; an in-flight claim older than the in-flight timeout was abandoned by a crash.
        jdbc.sql("""
                        delete from idempotency_keys
                        where customer_id = ? and key = ?
                          and (created_at < now() - make_interval(secs => ?)
                               or (order_id is null and created_at < now() - make_interval(secs => ?)))
                        """)
                .params(customerId, key, seconds(settings.idempotencyKeyTtl()), seconds(settings.idempotencyInFlight()))
                .update();
        UUID claimId = UUID.randomUUID();
        int claimed =
                jdbc.sql("""
                        insert into idempotency_keys (customer_id, key, request_hash, claim_id) values (?, ?, ?, ?)
                        on conflict do nothing
                        """).params(customerId, key, requestHash, claimId).update();
        if (claimed == 1) {
            return new Claim.Claimed(claimId);
        }
        record Existing(String requestHash, Optional<UUID> orderId) {}
        Existing existing = jdbc.sql(
                        "select request_hash, order_id from idempotency_keys where customer_id = ? and key = ?")
                .params(customerId, key)
                .query((rs, row) -> new Existing(
                        rs.getString("request_hash"), Optional.ofNullable(rs.getObject("order_id", UUID.class))))
                .single();
        if (!existing.requestHash().equals(requestHash)) {
            throw new IdempotencyKeyReusedException();
        }
        return existing.orderId()
                .<Claim>map(Claim.Completed::new)
                .orElseThrow(() -> new IdempotencyKeyInFlightException(
                        "A request with this Idempotency-Key is still being processed. Retry in a moment."));
    }

    /**
     * Joins the placement's transaction: the key completes exactly when the order commits.
     *
     * @throws IdempotencyKeyInFlightException when this claim was taken over as abandoned (the request took longer
     *     than the in-flight timeout); the order is then rolled back with the transaction
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void complete(UUID customerId, String key, UUID claimId, UUID orderId) {
        int completed = jdbc.sql("""
                        update idempotency_keys set order_id = ?
                        where customer_id = ? and key = ? and claim_id = ? and order_id is null
                        """).params(orderId, customerId, key, claimId).update();
        if (completed != 1) {
            throw new IdempotencyKeyInFlightException(
                    "Another request with this Idempotency-Key took over; nothing was ordered by this one.");
        }
    }

    /** Gives up this claim (its request failed); a successor's claim of the same key is left alone. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void release(UUID customerId, String key, UUID claimId) {
        jdbc.sql("""
                        delete from idempotency_keys
                        where customer_id = ? and key = ? and claim_id = ? and order_id is null
                        """).params(customerId, key, claimId).update();
    }

    /**
     * Deletes expired keys, so the table holds about one TTL's worth of orders. {@link #claim} already ignores
     * expired keys; this only bounds growth. A key expires {@code idempotencyKeyTtl} after first use, whatever its state.
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
