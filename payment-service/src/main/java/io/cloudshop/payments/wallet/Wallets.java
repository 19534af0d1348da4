package io.cloudshop.payments.wallet;

import io.cloudshop.common.problem.ApiException;
import java.math.BigDecimal;
import java.util.UUID;
import org.springframework.http.HttpStatus;
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

    /**
     * Adds {@code amount}; the same {@code key} again adds nothing and answers the wallet as it is.
     *
     * @throws ApiException 422 {@code IDEMPOTENCY_KEY_REUSED} when the key was used for another amount
     */
    @Transactional
    public Wallet topUp(UUID customerId, String key, BigDecimal amount) {
        open(customerId);
        int inserted =
                jdbc.sql("""
                        insert into ledger_entries (id, customer_id, kind, amount, idempotency_key)
                        values (?, ?, 'TOP_UP', ?, ?)
                        on conflict (customer_id, idempotency_key) where kind = 'TOP_UP' do nothing
                        """).params(UUID.randomUUID(), customerId, amount, key).update();
        if (inserted == 1) {
            jdbc.sql("update wallets set balance = balance + ?, version = version + 1 where customer_id = ?")
                    .params(amount, customerId)
                    .update();
        } else {
            BigDecimal earlier = jdbc.sql("""
                            select amount from ledger_entries
                            where customer_id = ? and idempotency_key = ? and kind = 'TOP_UP'
                            """)
                    .params(customerId, key)
                    .query(BigDecimal.class)
                    .single();
            if (earlier.compareTo(amount) != 0) {
                throw new ApiException(
                        HttpStatus.UNPROCESSABLE_CONTENT,
                        "IDEMPOTENCY_KEY_REUSED",
                        "This Idempotency-Key was already used for a top-up of another amount.");
            }
        }
        return of(customerId);
    }

    /**
     * Takes {@code amount} for an order if the wallet holds enough in that currency. Must run in the caller's
     * transaction, with the payment it records.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean charge(UUID customerId, UUID orderId, BigDecimal amount, String currency) {
        open(customerId);
        int charged = jdbc.sql("""
                        update wallets set balance = balance - ?, version = version + 1
                        where customer_id = ? and currency = ? and balance >= ?
                        """).params(amount, customerId, currency, amount).update();
        if (charged == 0) {
            return false;
        }
        jdbc.sql("""
                        insert into ledger_entries (id, customer_id, kind, amount, order_id)
                        values (?, ?, 'CHARGE', ?, ?)
                        """)
                .params(UUID.randomUUID(), customerId, amount.negate(), orderId)
                .update();
        return true;
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
