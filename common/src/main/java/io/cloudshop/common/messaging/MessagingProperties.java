package io.cloudshop.common.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retry how a failing record is retried before it becomes a dead letter
 * @param outbox how the outbox resubmits what it could not deliver
 */
@ConfigurationProperties("cloudshop.messaging")
public record MessagingProperties(
        @DefaultValue Retry retry, @DefaultValue Outbox outbox) {

    /**
     * @param resubmitInterval how often incomplete publications are looked for
     * @param resubmitAfter how old a publication must be to count as stuck (well above a normal send's duration)
     */
    public record Outbox(
            @DefaultValue("15s") Duration resubmitInterval,
            @DefaultValue("30s") Duration resubmitAfter) {}

    /**
     * Defaults: 4 retries after 200 ms, 400 ms, 800 ms, 1.6 s (about 3 s in all): long enough for a database failover
     * or a lock timeout to pass, short enough that one poison record holds its partition for seconds, not minutes.
     */
    public record Retry(
            @DefaultValue("4") int attempts,
            @DefaultValue("200ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("5s") Duration maxInterval) {}
}
