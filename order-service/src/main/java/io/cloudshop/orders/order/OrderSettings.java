package io.cloudshop.orders.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param idempotencyKeyTtl how long an Idempotency-Key is remembered after first use
 * @param idempotencyInFlight after how long an unfinished claim counts as abandoned (its request crashed)
 */
@ConfigurationProperties("orders")
record OrderSettings(
        @DefaultValue("24h") Duration idempotencyKeyTtl,
        @DefaultValue("60s") Duration idempotencyInFlight) {}
