package io.cloudshop.common.messaging;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;

/**
 * Publishes again what the outbox could not deliver while the service runs (Kafka down, a send that failed or never
 * got its acknowledgement): every {@code interval}, publications incomplete for longer than {@code minAge} are
 * resubmitted. Spring Modulith itself only republishes on restart; this closes the gap, so an event is retried until
 * Kafka acknowledges it. Consumers are idempotent, so a publication that did reach Kafka and is sent twice is harmless.
 */
class OutboxResubmission implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmission.class);

    private final IncompleteEventPublications publications;
    private final Duration interval;
    private final Duration minAge;
    private ScheduledExecutorService scheduler;

    OutboxResubmission(IncompleteEventPublications publications, Duration interval, Duration minAge) {
        this.publications = publications;
        this.interval = interval;
        this.minAge = minAge;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("outbox-resubmission").daemon(true).factory());
        scheduler.scheduleWithFixedDelay(
                this::resubmit, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void resubmit() {
        try {
            publications.resubmitIncompletePublications(
                    ResubmissionOptions.defaults().withMinAge(minAge).withBatchSize(100));
        } catch (RuntimeException ex) {
            log.warn("Resubmitting incomplete event publications failed; trying again in {}", interval, ex);
        }
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null && !scheduler.isShutdown();
    }
}
