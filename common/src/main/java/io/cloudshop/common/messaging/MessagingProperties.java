package io.cloudshop.common.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retry how a failing record is retried before it becomes a dead letter
 * @param outbox how the outbox resubmits what it could not deliver
 * @param processedEvents how long handled event ids are remembered
 * @param healthTimeout how long the {@code kafka} health check waits for the cluster to answer
 */
@ConfigurationProperties("cloudshop.messaging")
public record MessagingProperties(
        @DefaultValue Retry retry,
        @DefaultValue Outbox outbox,
        @DefaultValue ProcessedEventsRetention processedEvents,
        @DefaultValue("2s") Duration healthTimeout) {

    /**
     * @param retention how long an event id is remembered (must outlast the topics' retention and any replay)
     * @param pruneInterval how often older ids are deleted
     */
    public record ProcessedEventsRetention(
            @DefaultValue("30d") Duration retention,
            @DefaultValue("1h") Duration pruneInterval) {}

    /**
     * @param resubmitInterval how often failed publications are looked for (Modulith's staleness monitor marks stuck
     *     ones failed, see {@code MessagingDefaults})
     * @param resubmitAfter how old a failed publication must be to be sent again
     * @param metricsInterval how often the backlog and oldest-age gauges are read from the database
     */
    public record Outbox(
            @DefaultValue("15s") Duration resubmitInterval,
            @DefaultValue("30s") Duration resubmitAfter,
            @DefaultValue("10s") Duration metricsInterval) {}

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
