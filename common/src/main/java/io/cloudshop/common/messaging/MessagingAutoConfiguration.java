package io.cloudshop.common.messaging;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.RecoverableDataAccessException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Consumer-side messaging defaults for every service with Kafka: retries with backoff, then the service's own
 * dead-letter topic, and an idempotency ledger of processed events.
 *
 * <ul>
 *   <li>A record whose listener keeps failing is retried {@code cloudshop.messaging.retry.*} times with exponential
 *       backoff, then published to {@code <topic>.<spring.application.name>.DLT} with spring-kafka's error headers
 *       ({@code kafka_dlt-exception-*}, original topic, partition and offset), and the partition moves on. A
 *       {@link MalformedEventException} is not retried: it cannot get better. A failure of the infrastructure
 *       rather than the record (database unreachable, deadlock, lock or version conflict) is retried until it works.
 *   <li>Dead letters keep the original bytes: they are sent through their own {@code byte[]} template, not the JSON
 *       serializer the outbox uses, so a replay republishes exactly what arrived.
 *   <li>{@link ProcessedEvents} records handled event ids in the handler's own transaction.
 *   <li>Spring Modulith's outbox: publications its staleness monitor marked failed (see {@link MessagingDefaults})
 *       are resubmitted every {@code cloudshop.messaging.outbox.resubmit-interval}, so an event is retried until Kafka
 *       acknowledges it, not only at the next restart. Consumers are idempotent, so a publication that did reach
 *       Kafka and is sent twice is harmless.
 *   <li>{@code processed_events} rows older than {@code cloudshop.messaging.processed-events.retention} are deleted.
 * </ul>
 *
 * <p>Consumers read keys as strings and values as {@code byte[]} and parse them with their own tolerant types.
 */
@AutoConfiguration(
        after = KafkaAutoConfiguration.class,
        afterName = {
            "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
            "org.springframework.modulith.events.config.EventPublicationAutoConfiguration"
        })
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(MessagingProperties.class)
public class MessagingAutoConfiguration {

    /** Where a service's dead letters of {@code topic} go. */
    public static String deadLetterTopic(String topic, String service) {
        return topic + "." + service + ".DLT";
    }

    /** Not a {@code KafkaTemplate} bean: that would replace Boot's (and the outbox's) template. */
    @Bean
    @ConditionalOnMissingBean
    DeadLetters deadLetters(KafkaProperties kafka, @Value("${spring.application.name:application}") String service) {
        Map<String, Object> producer = kafka.buildProducerProperties();
        producer.put(ProducerConfig.ACKS_CONFIG, "all");
        producer.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return new DeadLetters(
                new DefaultKafkaProducerFactory<>(producer, new StringSerializer(), new ByteArraySerializer()),
                service);
    }

    @Bean
    DeadLetterMetrics deadLetterMetrics(
            ObjectProvider<MeterRegistry> registry, ObjectProvider<KafkaListenerEndpointRegistry> listeners) {
        return new DeadLetterMetrics(
                registry.getIfAvailable(CompositeMeterRegistry::new), // none: counted nowhere
                listeners.getIfAvailable(KafkaListenerEndpointRegistry::new));
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler kafkaErrorHandler(
            DeadLetters deadLetters,
            MessagingProperties properties,
            DeadLetterMetrics metrics,
            @Value("${spring.application.name:application}") String service) {
        DeadLetterPublishingRecoverer recoverer =
                new DeadLetterPublishingRecoverer(
                        deadLetters.template(),
                        // Partition -1: the producer picks by key, so the DLT needs no particular partition count.
                        (record, failure) -> new TopicPartition(deadLetterTopic(record.topic(), service), -1)) {
                    @Override
                    public void accept(
                            ConsumerRecord<?, ?> record, @Nullable Consumer<?, ?> consumer, Exception failure) {
                        super.accept(record, consumer, failure); // throws when the dead letter could not be sent
                        metrics.deadLettered(record.topic());
                    }
                };
        MessagingProperties.Retry retry = properties.retry();
        ExponentialBackOff backOff =
                new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        backOff.setMaxAttempts(retry.attempts());
        DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        // The database or a lock being briefly unavailable is no reason to dead-letter, say, a compensation: such
        // records are retried until they succeed (the partition waits, as every record would fail meanwhile).
        handler.setBackOffFunction((record, failure) -> infrastructureUnavailable(failure) ? untilItWorks() : null);
        return handler;
    }

    /** Failures that say nothing about the record: the database unreachable, a deadlock, a lock or version conflict. */
    static boolean infrastructureUnavailable(@Nullable Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof TransientDataAccessException
                    || cause instanceof RecoverableDataAccessException
                    || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException
                    || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    private static BackOff untilItWorks() {
        ExponentialBackOff backOff = new ExponentialBackOff(500, 2.0);
        backOff.setMaxInterval(10_000);
        return backOff;
    }

    /** {@code /actuator/deadletters}, where the actuator is present. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.actuate.endpoint.annotation.Endpoint")
    static class DeadLetterAdmin {

        @Bean
        @ConditionalOnMissingBean
        DeadLetterEndpoint deadLetterEndpoint(
                DeadLetters deadLetters,
                ConsumerFactory<?, ?> consumers,
                KafkaListenerEndpointRegistry listeners,
                @Value("${spring.application.name:application}") String service) {
            return new DeadLetterEndpoint(deadLetters, consumers, listeners, service);
        }
    }

    /** {@code kafka} in health (and so in each service's readiness group). */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.springframework.boot.health.contributor.HealthIndicator")
    static class Health {

        @Bean
        @ConditionalOnMissingBean(name = "kafkaHealthIndicator")
        KafkaHealthIndicator kafkaHealthIndicator(KafkaProperties kafka, MessagingProperties properties) {
            return new KafkaHealthIndicator(kafka.buildAdminProperties(), properties.healthTimeout());
        }
    }

    /** For services that publish through Spring Modulith's outbox. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({FailedEventPublications.class, MeterRegistry.class})
    static class Outbox {

        @Bean
        @ConditionalOnBean(FailedEventPublications.class)
        PeriodicTask outboxResubmission(FailedEventPublications publications, MessagingProperties properties) {
            ResubmissionOptions options = ResubmissionOptions.defaults()
                    .withMinAge(properties.outbox().resubmitAfter())
                    .withBatchSize(100);
            return new PeriodicTask(
                    "outbox-resubmission",
                    properties.outbox().resubmitInterval(),
                    () -> publications.resubmit(options));
        }

        @Bean
        @ConditionalOnBean({JdbcClient.class, FailedEventPublications.class})
        OutboxMetrics outboxMetrics(JdbcClient jdbc, ObjectProvider<MeterRegistry> registry) {
            return new OutboxMetrics(jdbc, registry.getIfAvailable(CompositeMeterRegistry::new), Clock.systemUTC());
        }

        @Bean
        @ConditionalOnBean(OutboxMetrics.class)
        PeriodicTask outboxMetricsRefresh(OutboxMetrics metrics, MessagingProperties properties) {
            return new PeriodicTask(
                    "outbox-metrics", Duration.ZERO, properties.outbox().metricsInterval(), metrics::refresh);
        }
    }

    @Bean
    @ConditionalOnBean(JdbcClient.class)
    @ConditionalOnMissingBean
    ProcessedEvents processedEvents(JdbcClient jdbc) {
        return new ProcessedEvents(jdbc);
    }

    @Bean
    @ConditionalOnBean(ProcessedEvents.class)
    PeriodicTask processedEventsPruning(ProcessedEvents processed, MessagingProperties properties) {
        MessagingProperties.ProcessedEventsRetention settings = properties.processedEvents();
        return new PeriodicTask(
                "processed-events-pruning",
                settings.pruneInterval(),
                () -> processed.forgetOlderThan(settings.retention()));
    }
}
