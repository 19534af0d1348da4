package io.cloudshop.orders.order;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Order settings, the timeout sweep's scheduling and the topic order-service owns. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OrderSettings.class)
@EnableScheduling
class OrderConfiguration {

    /** Three partitions (room for three consumers per group), the broker's replication factor; keyed by order id. */
    @Bean
    NewTopic ordersTopic() {
        return TopicBuilder.name(Topics.ORDERS).partitions(3).build();
    }
}
