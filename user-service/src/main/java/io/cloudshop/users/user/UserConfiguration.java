package io.cloudshop.users.user;

import io.cloudshop.users.Topics;
import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;

/** The topic user-service owns. */
@Configuration(proxyBeanMethods = false)
class UserConfiguration {

    /** Three partitions, the broker's replication factor; keyed by user id. */
    @Bean
    NewTopic usersTopic() {
        return TopicBuilder.name(Topics.USERS).partitions(3).build();
    }
}
