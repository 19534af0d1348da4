package io.cloudshop.products.reservation;

import io.cloudshop.products.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topic product-service owns. */
@Configuration(proxyBeanMethods = false)
class ReservationConfiguration {

    /** Three partitions (room for three consumers per group), the broker's replication factor; keyed by order id. */
    @Bean
    NewTopic inventoryTopic() {
        return TopicBuilder.name(Topics.INVENTORY).partitions(3).build();
    }
}
