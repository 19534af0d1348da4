package io.cloudshop.common.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retry how a failing record is retried before it becomes a dead letter
 */
@ConfigurationProperties("cloudshop.messaging")
public record MessagingProperties(@DefaultValue Retry retry) {

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
