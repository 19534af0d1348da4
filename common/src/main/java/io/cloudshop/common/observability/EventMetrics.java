package io.cloudshop.common.observability;

import io.cloudshop.common.transaction.AfterCommit;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.event.EventListener;

/**
 * {@code cloudshop.events.published{type}}: the domain events a service decided to publish, counted once when the
 * transaction that published them commits (a rolled-back step counts nothing; the outbox re-sending an event does not
 * count it twice). The business signals operators watch come from here: {@code type="PaymentDeclined"} is payments
 * declined, {@code type="StockRejected"} stock rejections, {@code type="OrderPlaced"} orders placed.
 *
 * <p>A plain listener, not a transactional one: Spring Modulith would give a {@code @TransactionalEventListener} an
 * outbox row of its own for every event.
 */
class EventMetrics {

    private final MeterRegistry registry;

    EventMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void published(Object event) {
        EventEnvelope.of(event, null).typeIfKnown().ifPresent(type -> {
            Counter counter = Counter.builder("cloudshop.events.published")
                    .description("Domain events published, counted when their transaction commits")
                    .tag("type", type)
                    .register(registry);
            AfterCommit.run(counter::increment);
        });
    }
}
