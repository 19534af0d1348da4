package io.cloudshop.common.observability;

import brave.sampler.RateLimitingSampler;
import brave.sampler.Sampler;
import io.micrometer.context.ContextSnapshotFactory;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.task.TaskDecorator;
import org.springframework.core.task.support.ContextPropagatingTaskDecorator;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Observability every service gets:
 *
 * <ul>
 *   <li>Asynchronous work continues the trace that started it. Spring Modulith's outbox sends events to Kafka on the
 *       application task executor after the commit; without this decorator each send began a trace of its own, cut
 *       off from the request (or the consumed event) that caused it. Boot applies a {@link TaskDecorator} bean to the
 *       executors it configures.
 *   <li>Kafka spans and consumer log lines name the event type and what it is about ({@link EventObservation}).
 *   <li>Published domain events are counted by type ({@link EventMetrics}).
 *   <li>With {@code TRACING_SAMPLES_PER_SECOND} above 0, each instance starts at most that many traces a second
 *       (Brave's rate-limiting sampler) instead of a share of all requests: all traces while traffic is low, a bounded
 *       cost for the services and Zipkin at any load. Requests and events that arrive inside a trace follow the
 *       caller's decision, so a sampled trace is complete across gateway, HTTP and Kafka hops.
 * </ul>
 */
@AutoConfiguration(
        beforeName = {
            "org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration",
            "org.springframework.boot.micrometer.tracing.brave.autoconfigure.BraveAutoConfiguration"
        })
@ConditionalOnClass(ContextSnapshotFactory.class)
public class ObservabilityAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(TaskDecorator.class)
    ContextPropagatingTaskDecorator contextPropagatingTaskDecorator() {
        return new ContextPropagatingTaskDecorator();
    }

    /** Replaces Boot's probability sampler when {@code cloudshop.tracing.samples-per-second} is above 0. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Sampler.class)
    @ConditionalOnExpression("${cloudshop.tracing.samples-per-second:0} > 0")
    @EnableConfigurationProperties(SamplingProperties.class)
    static class Sampling {

        @Bean
        @ConditionalOnMissingBean
        Sampler rateLimitingSampler(SamplingProperties properties) {
            return RateLimitingSampler.create(properties.samplesPerSecond());
        }
    }

    /** {@code cloudshop.events.published{type}}, see {@link EventMetrics}. */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass({MeterRegistry.class, TransactionSynchronizationManager.class})
    static class Metrics {

        @Bean
        EventMetrics eventMetrics(ObjectProvider<MeterRegistry> registry) {
            return new EventMetrics(registry.getIfAvailable(CompositeMeterRegistry::new));
        }
    }

    /**
     * Kafka sends and receives tagged with event type and, where the service names one, the id they are about (see
     * {@link EventObservation}). Boot applies a unique {@link ContainerCustomizer} and {@link RecordInterceptor} bean
     * to its listener container factory; it has no hook for the template's convention, hence the post-processor.
     */
    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(KafkaTemplate.class)
    @EnableConfigurationProperties(EventCorrelationProperties.class)
    static class Messaging {

        @Bean
        @ConditionalOnMissingBean(ContainerCustomizer.class)
        ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>>
                eventListenerObservation(EventCorrelationProperties correlation) {
            return container -> container
                    .getContainerProperties()
                    .setObservationConvention(new EventObservation.Receiving(correlation));
        }

        @Bean
        @ConditionalOnMissingBean(RecordInterceptor.class)
        RecordInterceptor<Object, Object> eventLogContext(EventCorrelationProperties correlation) {
            return new EventObservation.LogContext(correlation);
        }

        /**
         * A post-processor is created before configuration properties can be bound as beans, so it binds them
         * itself, from the environment.
         */
        @Bean
        static BeanPostProcessor eventSendObservation(Environment environment) {
            EventCorrelationProperties correlation = Binder.get(environment)
                    .bind("cloudshop.observability.events.correlation", EventCorrelationProperties.class)
                    .orElseGet(EventCorrelationProperties::none);
            return new BeanPostProcessor() {
                @Override
                public Object postProcessBeforeInitialization(Object bean, String beanName) {
                    if (bean instanceof KafkaTemplate<?, ?> template) {
                        template.setObservationConvention(new EventObservation.Sending(correlation));
                    }
                    return bean;
                }
            };
        }
    }
}
