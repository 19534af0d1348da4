package io.cloudshop.common.messaging;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextRefreshedEvent;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * {@code cloudshop.deadletters{topic}}: records of {@code topic} this service gave up on and sent to its dead-letter
 * topic. Registered at 0 for every consumed topic once the listeners exist, so the series is there before the first
 * dead letter (an alert on {@code increase()} then sees the first one too).
 */
class DeadLetterMetrics implements ApplicationListener<ContextRefreshedEvent> {

    private final MeterRegistry registry;
    private final KafkaListenerEndpointRegistry listeners;

    DeadLetterMetrics(MeterRegistry registry, KafkaListenerEndpointRegistry listeners) {
        this.registry = registry;
        this.listeners = listeners;
    }

    @Override
    public void onApplicationEvent(ContextRefreshedEvent event) {
        DeadLetterEndpoint.consumedTopics(listeners).forEach(this::counter);
    }

    void deadLettered(String topic) {
        counter(topic).increment();
    }

    private Counter counter(String topic) {
        return Counter.builder("cloudshop.deadletters")
                .description("Records given up on and sent to this service's dead-letter topic")
                .tag("topic", topic)
                .register(registry);
    }
}
