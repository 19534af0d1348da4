package io.cloudshop.payments.payment;

import io.cloudshop.payments.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topic payment-service owns. */
@Configuration(proxyBeanMethods = false)
class PaymentConfiguration {

    /** Three partitions (room for three consumers per group), the broker's replication factor; keyed by order id. */
    @Bean
    NewTopic paymentsTopic() {
        return TopicBuilder.name(Topics.PAYMENTS).partitions(3).build();
    }
}
