package io.cloudshop.orders.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param maxLines how many different products one order may hold
 * @param maxQuantity how many units of one product one order may hold
 * @param idempotencyKeyTtl how long an Idempotency-Key is remembered after first use
 * @param idempotencyInFlight after how long an unfinished claim counts as abandoned (its request crashed)
 */
@ConfigurationProperties("orders")
record OrderSettings(
        @DefaultValue("50") int maxLines,
        @DefaultValue("100") int maxQuantity,
        @DefaultValue("24h") Duration idempotencyKeyTtl,
        @DefaultValue("60s") Duration idempotencyInFlight) {}
