package io.cloudshop.common.messaging;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;
import org.springframework.util.ClassUtils;

/**
 * The Kafka and outbox settings every service shares, as the lowest-priority property source: a service's
 * {@code application.yml} or its environment still wins. Only where spring-kafka is on the classpath.
 *
 * <ul>
 *   <li>Producers idempotent, acknowledged by all in-sync replicas: a send the outbox marks complete is durable.
 *   <li>Consumers start at the earliest offset of a new group; the listener container commits offsets after the
 *       handler's transaction has committed; values arrive as bytes, read by each consumer's own tolerant types.
 *   <li>The outbox (Spring Modulith): a publication is deleted once Kafka acknowledged it, so the table holds only
 *       what is pending. What a crash left incomplete is published again on start; while running, publications stuck
 *       for 30 s (never picked up, or sent without an acknowledgement recorded) are marked failed by Modulith's
 *       staleness monitor, and {@code MessagingAutoConfiguration}'s resubmission sends failed ones again.
 * </ul>
 */
class MessagingDefaults implements EnvironmentPostProcessor {

    static final String NAME = "cloudshopMessagingDefaults";

    static final Map<String, Object> DEFAULTS = Map.ofEntries(
            Map.entry("spring.kafka.producer.acks", "all"),
            Map.entry("spring.kafka.producer.properties.enable.idempotence", "true"),
            Map.entry("spring.kafka.consumer.auto-offset-reset", "earliest"),
            Map.entry("spring.kafka.consumer.enable-auto-commit", "false"),
            Map.entry(
                    "spring.kafka.consumer.value-deserializer",
                    "org.apache.kafka.common.serialization.ByteArrayDeserializer"),
            Map.entry("spring.modulith.events.completion-mode", "delete"),
            Map.entry("spring.modulith.events.republish-outstanding-events-on-restart", "true"),
            Map.entry("spring.modulith.events.jdbc.schema-initialization.enabled", "false"),
            Map.entry("spring.modulith.events.staleness.published", "30s"),
            Map.entry("spring.modulith.events.staleness.processing", "30s"),
            Map.entry("spring.modulith.events.staleness.resubmission", "30s"),
            // Sic: Modulith 2.0 spells the property this way.
            Map.entry("spring.modulith.events.staleness.check-intervall", "10s"));

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (ClassUtils.isPresent("org.springframework.kafka.core.KafkaTemplate", application.getClassLoader())) {
            environment.getPropertySources().addLast(new MapPropertySource(NAME, DEFAULTS));
        }
    }
}
