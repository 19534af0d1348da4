package io.cloudshop.orders.order.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param stalledAfter a PENDING order whose saga has not moved for this long counts as stalled ({@link StalledOrders})
 * @param stalledCheckInterval how often stalled orders are counted for the {@code cloudshop.orders.stalled} gauge
 */
@ConfigurationProperties("orders.ops")
record OpsSettings(
        @DefaultValue("30s") Duration stalledAfter,
        @DefaultValue("15s") Duration stalledCheckInterval) {}
