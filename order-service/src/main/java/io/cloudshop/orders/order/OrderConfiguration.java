package io.cloudshop.orders.order;

import io.cloudshop.orders.Topics;
import java.time.Duration;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.FixedDelayTask;

/** Order settings, the schedule of the order feature's periodic work and the topic order-service owns. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderSettings.class)
@EnableScheduling
class OrderConfiguration {

    /**
     * The timeout sweep every {@code timeoutCheckInterval}, its first run a whole {@code pendingTimeout} after start-up:
     * events that piled up while this service was down are consumed first, so an order paid meanwhile is confirmed
     * rather than timed out. Expired Idempotency-Keys are deleted every {@code idempotencyKeyCleanupInterval}.
     */
    @Bean
    SchedulingConfigurer orderSchedule(OrderTimeouts timeouts, IdempotencyKeys keys, OrderSettings settings) {
        return registrar -> {
            registrar.addFixedDelayTask(new FixedDelayTask(
                    timeouts::cancelStaleOrders, settings.timeoutCheckInterval(), settings.pendingTimeout()));
            registrar.addFixedDelayTask(new FixedDelayTask(
                    keys::forgetExpired, settings.idempotencyKeyCleanupInterval(), Duration.ofMinutes(1)));
        };
    }

    /** Three partitions (room for three consumers per group), the broker's replication factor; keyed by order id. */
    @Bean
    NewTopic ordersTopic() {
        return TopicBuilder.name(Topics.ORDERS).partitions(3).build();
    }
}
