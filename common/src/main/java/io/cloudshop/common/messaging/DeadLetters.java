package io.cloudshop.common.messaging;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** This service's dead-letter topics and the producer that writes them, byte for byte as records arrived. */
public class DeadLetters implements DisposableBean {

    private final DefaultKafkaProducerFactory<String, byte[]> producers;
    private final KafkaTemplate<String, byte[]> template;
    private final String service;

    DeadLetters(DefaultKafkaProducerFactory<String, byte[]> producers, String service) {
        this.producers = producers;
        this.template = new KafkaTemplate<>(producers);
        this.service = service;
    }

    KafkaTemplate<String, byte[]> template() {
        return template;
    }

    /** Where this service's dead letters of {@code topic} go: {@code <topic>.<service>.DLT}. */
    public String topicFor(String topic) {
        return MessagingAutoConfiguration.deadLetterTopic(topic, service);
    }

    @Override
    public void destroy() {
        producers.destroy();
    }
}
