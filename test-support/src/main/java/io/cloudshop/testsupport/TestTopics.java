package io.cloudshop.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Raw access to the test broker's topics for messaging tests: put JSON on a topic exactly as another service would,
 * and read what the service under test published. Plain Kafka clients, so nothing of the service's own messaging
 * configuration helps the test pass.
 */
public final class TestTopics implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, String> producer;

    public TestTopics(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class));
    }

    /** Sends and waits for the broker's acknowledgement. */
    public void send(String topic, Object key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, key.toString(), value)).get();
        } catch (Exception ex) {
            throw new IllegalStateException("Could not send to " + topic, ex);
        }
    }

    /** Sends to one partition, whatever the key would choose, and waits for the broker's acknowledgement. */
    public void send(String topic, int partition, Object key, String value) {
        try {
            producer.send(new ProducerRecord<>(topic, partition, key.toString(), value))
                    .get();
        } catch (Exception ex) {
            throw new IllegalStateException("Could not send to " + topic, ex);
        }
    }

    /**
     * Every record on {@code topic} with {@code key}, from the beginning: waits up to {@code patience} for the first
     * one, then takes what else is there.
     */
    public List<ConsumerRecord<String, String>> read(String topic, Object key, Duration patience) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + patience.toNanos();
            boolean drained = false;
            while (System.nanoTime() < deadline && !drained) {
                var records = consumer.poll(Duration.ofMillis(300));
                for (ConsumerRecord<String, String> record : records) {
                    if (key.toString().equals(record.key())) {
                        found.add(record);
                    }
                }
                drained = !found.isEmpty() && records.isEmpty();
            }
        }
        return found;
    }

    @Override
    public void close() {
        producer.close();
    }
}
