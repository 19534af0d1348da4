package io.cloudshop.orders.order;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rule against hoarding: one customer may hold at most {@code maxUnitsPerProduct} units of a product in orders
 * placed within {@code purchaseLimitWindow} that are PENDING or CONFIRMED. Without it, unlimited top-ups and full
 * refunds on cancellation would let one customer hold every unit of a product at no cost. (Rejected and cancelled
 * orders hold nothing and do not count.)
 */
@Component
class PurchaseLimits {

    private final JdbcClient jdbc;
    private final OrderSettings settings;

    PurchaseLimits(JdbcClient jdbc, OrderSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /**
     * Refuses {@code lines} if any would take the customer beyond the limit. Runs in the placing transaction and
     * holds a lock on the customer's placements until it ends, so that concurrent orders of one customer are counted
     * against each other rather than each against the orders before both.
     *
     * @throws PurchaseLimitExceededException naming each line beyond the limit
     */
    @Transactional(propagation = Propagation.MANDATORY)
    void check(UUID customerId, List<OrderPlacement.RequestedLine> lines) {
        jdbc.sql("select pg_advisory_xact_lock(?)")
                .param(customerId.getMostSignificantBits() ^ customerId.getLeastSignificantBits())
                .query((rs, row) -> row)
                .single();
        Map<UUID, Long> held = new HashMap<>();
        jdbc.sql("""
                        select l.product_id, sum(l.quantity) as units
                        from order_lines l join orders o on o.id = l.order_id
                        where o.customer_id = ? and o.status in ('PENDING', 'CONFIRMED')
                          and o.created_at > now() - make_interval(secs => ?)
                        group by l.product_id
                        """)
                .params(customerId, settings.purchaseLimitWindow().toSeconds())
                .query((rs, row) -> held.put(rs.getObject("product_id", UUID.class), rs.getLong("units")))
                .list();
        List<RefusedLine> refused = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            OrderPlacement.RequestedLine line = lines.get(i);
            long already = held.getOrDefault(line.productId(), 0L);
            if (already + line.quantity() > settings.maxUnitsPerProduct()) {
                refused.add(new RefusedLine(
                        i,
                        "at most %d of one product per customer within %s; %d already ordered"
                                .formatted(
                                        settings.maxUnitsPerProduct(),
                                        settings.purchaseLimitWindow()
                                                .toString()
                                                .substring(2)
                                                .toLowerCase(),
                                        already)));
            }
        }
        if (!refused.isEmpty()) {
            throw new PurchaseLimitExceededException(refused);
        }
    }
}
