package io.cloudshop.common.messaging;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Runs {@code task} every {@code interval} on its own thread while the application runs; a failing run is logged and
 * the next one happens as planned. Its own executor rather than {@code @Scheduled}: auto-configuration should not
 * switch on scheduling for the whole application.
 */
class PeriodicTask implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PeriodicTask.class);

    private final String name;
    private final Duration initialDelay;
    private final Duration interval;
    private final Runnable task;
    private @Nullable ScheduledExecutorService scheduler;

    PeriodicTask(String name, Duration interval, Runnable task) {
        this(name, interval, interval, task);
    }

    PeriodicTask(String name, Duration initialDelay, Duration interval, Runnable task) {
        this.name = name;
        this.initialDelay = initialDelay;
        this.interval = interval;
        this.task = task;
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name(name).daemon(true).factory());
        scheduler.scheduleWithFixedDelay(
                this::runOnce, initialDelay.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void runOnce() {
        try {
            task.run();
        } catch (RuntimeException ex) {
            log.warn("{} failed; trying again in {}", name, interval, ex);
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
