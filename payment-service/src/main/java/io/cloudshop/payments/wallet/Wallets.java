package io.cloudshop.payments.wallet;

import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Wallet balances and their ledger. Every change is a conditional UPDATE of the balance plus a ledger insert in the
 * same transaction; the ledger's unique indexes refuse a second charge or refund of an order, so a redelivered event
 * can never move money twice. Plain SQL: the conditional updates are the point, and JPA would only hide them.
 */
@Component
public class Wallets {

    private final JdbcClient jdbc;
    private final WalletSettings settings;

    Wallets(JdbcClient jdbc, WalletSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public record Wallet(UUID customerId, BigDecimal balance, String currency) {}

    /** The customer's wallet, opened empty on first use. */
    @Transactional
    public Wallet of(UUID customerId) {
        open(customerId);
        return jdbc.sql("select customer_id, balance, currency from wallets where customer_id = ?")
                .param(customerId)
                .query((rs, row) -> new Wallet(
                        rs.getObject("customer_id", UUID.class), rs.getBigDecimal("balance"), rs.getString("currency")))
                .single();
    }

    /** What a top-up answers: the wallet right after it, and whether this was a replay of an earlier request. */
    public record TopUp(Wallet wallet, boolean replayed) {}

    /**
     * Adds {@code amount}, unless the customer's top-ups of the last 24 hours would then exceed the daily cap. The
     * same {@code key} again adds nothing and answers what the first request answered (the balance right after it).
     * The wallet row is locked first, so concurrent top-ups of one customer are checked against each other.
     *
     * @throws IdempotencyKeyReusedException when the key was used for a top-up of another amount
     * @throws TopUpLimitExceededException beyond the daily cap
     */
    @Transactional
    public TopUp topUp(UUID customerId, String key, BigDecimal amount) {
        open(customerId);
        Wallet wallet = jdbc.sql("select customer_id, balance, currency from wallets where customer_id = ? for update")
                .param(customerId)
                .query((rs, row) -> new Wallet(
                        rs.getObject("customer_id", UUID.class), rs.getBigDecimal("balance"), rs.getString("currency")))
                .single();
        Optional<TopUp> earlier = jdbc.sql("""
                        select amount, balance_after from ledger_entries
                        where customer_id = ? and idempotency_key = ? and kind = 'TOP_UP'
                        """)
                .params(customerId, key)
                .query((rs, row) -> {
                    if (rs.getBigDecimal("amount").compareTo(amount) != 0) {
                        throw new IdempotencyKeyReusedException();
                    }
                    BigDecimal after = rs.getBigDecimal("balance_after");
                    return new TopUp(after != null ? new Wallet(customerId, after, wallet.currency()) : wallet, true);
                })
                .optional();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        BigDecimal lastDay =
                jdbc.sql("""
                        select coalesce(sum(amount), 0) from ledger_entries
                        where customer_id = ? and kind = 'TOP_UP' and created_at > now() - interval '24 hours'
                        """).param(customerId).query(BigDecimal.class).single();
        if (lastDay.add(amount).compareTo(settings.maxTopUpsPerDay()) > 0) {
            throw new TopUpLimitExceededException(settings.maxTopUpsPerDay());
        }
        BigDecimal after = wallet.balance().add(amount);
        jdbc.sql("""
                        insert into ledger_entries (id, customer_id, kind, amount, idempotency_key, balance_after)
                        values (?, ?, 'TOP_UP', ?, ?, ?)
                        """).params(UUID.randomUUID(), customerId, amount, key, after).update();
        jdbc.sql("update wallets set balance = ?, version = version + 1 where customer_id = ?")
                .params(after, customerId)
                .update();
        return new TopUp(new Wallet(customerId, after, wallet.currency()), false);
    }

    /** What a charge did: took the money, or why it took nothing. */
    public enum Charge {
        /** The amount was taken, and the ledger records it. */
        CHARGED,
        /** The wallet holds the amount's currency, but less than the amount. */
        INSUFFICIENT_FUNDS,
        /** The wallet holds another currency than the amount's, so no balance could pay it. */
        CURRENCY_MISMATCH
    }

    /**
     * Takes {@code amount} for an order if the wallet holds enough in that currency. Must run in the caller's
     * transaction, with the payment it records.
     *
     * @return {@link Charge#CHARGED}, or why nothing was taken: a wallet in another currency is
     *     {@link Charge#CURRENCY_MISMATCH} whatever its balance
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Charge charge(UUID customerId, UUID orderId, BigDecimal amount, String currency) {
        open(customerId);
        int charged = jdbc.sql("""
                        update wallets set balance = balance - ?, version = version + 1
                        where customer_id = ? and currency = ? and balance >= ?
                        """).params(amount, customerId, currency, amount).update();
        if (charged == 0) {
            // A wallet's currency never changes: reading it after the refused update races with nothing.
            String held = jdbc.sql("select currency from wallets where customer_id = ?")
                    .param(customerId)
                    .query(String.class)
                    .single();
            return held.equals(currency) ? Charge.INSUFFICIENT_FUNDS : Charge.CURRENCY_MISMATCH;
        }
        jdbc.sql("""
                        insert into ledger_entries (id, customer_id, kind, amount, order_id)
                        values (?, ?, 'CHARGE', ?, ?)
                        """)
                .params(UUID.randomUUID(), customerId, amount.negate(), orderId)
                .update();
        return Charge.CHARGED;
    }

    /** Gives an order's charge back. Must run in the caller's transaction, with the payment it changes. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void refund(UUID customerId, UUID orderId, BigDecimal amount) {
        jdbc.sql("""
                        insert into ledger_entries (id, customer_id, kind, amount, order_id)
                        values (?, ?, 'REFUND', ?, ?)
                        """).params(UUID.randomUUID(), customerId, amount, orderId).update();
        jdbc.sql("update wallets set balance = balance + ?, version = version + 1 where customer_id = ?")
                .params(amount, customerId)
                .update();
    }

    private void open(UUID customerId) {
        jdbc.sql("insert into wallets (customer_id, balance, currency) values (?, 0, ?) on conflict do nothing")
                .params(customerId, settings.currency())
                .update();
    }
}
