package io.cloudshop.orders.order;

import java.util.List;

/**
 * The order feature's refusals, for tests outside its package (the web slice) that must throw them from a mocked use
 * case: only the domain raises them, so their constructors are package-private.
 */
public final class OrderRefusals {

    private OrderRefusals() {}

    public static OrderNotFoundException notFound() {
        return new OrderNotFoundException();
    }

    public static OrderFinishedException finished(OrderStatus status) {
        return new OrderFinishedException(status);
    }

    public static IdempotencyKeyReusedException keyReused() {
        return new IdempotencyKeyReusedException();
    }

    public static UnorderableLinesException unorderable(RefusedLine... lines) {
        return new UnorderableLinesException(List.of(lines));
    }

    public static PurchaseLimitExceededException purchaseLimitExceeded(RefusedLine... lines) {
        return new PurchaseLimitExceededException(List.of(lines));
    }
}
