package io.cloudshop.orders.order;

import io.cloudshop.orders.catalog.ProductCatalog;
import io.cloudshop.orders.catalog.ProductCatalog.PricedProduct;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;

/**
 * Placing an order: answer the order an earlier request with the same Idempotency-Key placed, if any; otherwise price
 * the lines from the catalog (outside any transaction, so no database connection waits on the network), then take the
 * key and store the PENDING order and its {@link OrderPlaced} in one transaction ({@link NewOrders}). Any failure
 * stores nothing, the key included.
 */
@Service
public class OrderPlacement {

    private final IdempotencyKeys keys;
    private final ProductCatalog catalog;
    private final NewOrders newOrders;
    private final OrderQueries queries;

    OrderPlacement(IdempotencyKeys keys, ProductCatalog catalog, NewOrders newOrders, OrderQueries queries) {
        this.keys = keys;
        this.catalog = catalog;
        this.newOrders = newOrders;
        this.queries = queries;
    }

    public record RequestedLine(UUID productId, int quantity) {}

    /** @param replayed true when an earlier request with the same key and body created the order */
    public record Placement(Order order, boolean replayed) {}

    /**
     * @param lines validated by the caller: at least one, each product once, quantities in range
     * @throws UnorderableLinesException for unknown, deleted or unavailable products, or mixed currencies
     * @throws IdempotencyKeyReusedException see {@link IdempotencyKeys#placedWith}
     * @throws PurchaseLimitExceededException see {@link PurchaseLimits}
     * @throws io.cloudshop.orders.catalog.CatalogUnavailableException when prices cannot be read
     */
    public Placement place(UUID customerId, String idempotencyKey, List<RequestedLine> lines) {
        String requestHash = hash(lines);
        Optional<UUID> earlier = keys.placedWith(customerId, idempotencyKey, requestHash);
        if (earlier.isPresent()) {
            return new Placement(queries.withDetails(earlier.get()), true);
        }
        Priced priced = price(lines);
        return newOrders.store(customerId, idempotencyKey, requestHash, lines, priced.lines(), priced.currency());
    }

    private record Priced(List<OrderLine> lines, String currency) {}

    private Priced price(List<RequestedLine> lines) {
        Map<UUID, PricedProduct> products =
                catalog.products(lines.stream().map(RequestedLine::productId).toList());
        List<RefusedLine> refused = new ArrayList<>();
        List<OrderLine> priced = new ArrayList<>();
        String currency = null;
        for (int i = 0; i < lines.size(); i++) {
            RequestedLine line = lines.get(i);
            PricedProduct product = products.get(line.productId());
            if (product == null) {
                refused.add(new RefusedLine(i, "no such product"));
            } else if (!product.orderable()) {
                refused.add(new RefusedLine(i, "this product cannot be ordered (deleted or sold out)"));
            } else if (currency != null && !currency.equals(product.currency())) {
                refused.add(new RefusedLine(i, "priced in " + product.currency() + ", the order in " + currency));
            } else {
                currency = product.currency();
                priced.add(new OrderLine(product.id(), product.name(), line.quantity(), product.unitPrice()));
            }
        }
        if (!refused.isEmpty() || currency == null) {
            throw new UnorderableLinesException(refused);
        }
        return new Priced(priced, currency);
    }

    /** The request as the key remembers it: the same lines in the same order hash the same. */
    private static String hash(List<RequestedLine> lines) {
        StringBuilder canonical = new StringBuilder();
        lines.forEach(line -> canonical
                .append(line.productId())
                .append('*')
                .append(line.quantity())
                .append(';'));
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256")
                            .digest(canonical.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
