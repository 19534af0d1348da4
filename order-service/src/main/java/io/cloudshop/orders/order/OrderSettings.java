package io.cloudshop.orders.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param pendingTimeout how long an order may stay PENDING before it is cancelled with reason TIMEOUT
 * @param timeoutCheckInterval how often PENDING orders are checked against that timeout
 * @param idempotencyKeyTtl how long an Idempotency-Key is remembered after first use
 * @param idempotencyKeyCleanupInterval how often expired keys are deleted
 * @param maxUnitsPerProduct how many units of one product a customer may hold in PENDING or CONFIRMED orders placed
 *     within {@code purchaseLimitWindow} ({@link PurchaseLimits})
 * @param purchaseLimitWindow see {@code maxUnitsPerProduct}
 */
@ConfigurationProperties("orders")
record OrderSettings(
        @DefaultValue("2m") Duration pendingTimeout,
        @DefaultValue("5s") Duration timeoutCheckInterval,
        @DefaultValue("24h") Duration idempotencyKeyTtl,
        @DefaultValue("1h") Duration idempotencyKeyCleanupInterval,
        @DefaultValue("10") int maxUnitsPerProduct,
        @DefaultValue("24h") Duration purchaseLimitWindow) {}
