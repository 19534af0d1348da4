package io.cloudshop.testsupport;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Raw access to the test broker's topics for messaging tests: put JSON on a topic exactly as another service would,
 * and read what the service under test published. Plain Kafka clients, so nothing of the service's own messaging
 * configuration helps the test pass.
 */
public final class TestTopics implements AutoCloseable {

    private static final JsonMapper json = JsonMapper.builder().build();

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
     * one, then reads on to the end the topic had at that moment, so that records already there are never missed
     * however slow a fetch is. Records published later are not waited for: use {@link #awaitRecord} for those.
     */
    public List<ConsumerRecord<String, String>> read(String topic, Object key, Duration patience) {
        return consume(topic, key, patience, found -> !found.isEmpty());
    }

    /**
     * The first record on {@code topic} with {@code key} that {@code matching} accepts, waiting up to {@code patience}
     * for it to be published.
     *
     * @throws AssertionError when none arrived in time, naming what did
     */
    public ConsumerRecord<String, String> awaitRecord(
            String topic, Object key, Predicate<ConsumerRecord<String, String>> matching, Duration patience) {
        List<ConsumerRecord<String, String>> found =
                consume(topic, key, patience, records -> records.stream().anyMatch(matching));
        return found.stream()
                .filter(matching)
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "No matching record for " + key + " on " + topic + " within " + patience + "; found " + found));
    }

    /**
     * The first event on {@code topic} with {@code key} whose {@code type} member is {@code type}, as the services
     * write them, waiting up to {@code patience} for it to be published.
     */
    public JsonNode awaitEvent(String topic, Object key, String type, Duration patience) {
        return json.readTree(awaitRecord(topic, key, record -> type.equals(typeOf(record)), patience)
                .value());
    }

    private static @Nullable String typeOf(ConsumerRecord<String, String> record) {
        try {
            JsonNode type = json.readTree(record.value()).get("type");
            return type != null ? type.asString() : null;
        } catch (JacksonException unreadable) {
            return null;
        }
    }

    /**
     * Reads {@code topic} from the beginning with one consumer (assigned, so no group rebalance to wait for) until
     * {@code enough} holds for the records with {@code key} and the consumer has reached the end offsets read at that
     * moment, or until {@code patience} has passed.
     */
    private List<ConsumerRecord<String, String>> consume(
            String topic, Object key, Duration patience, Predicate<List<ConsumerRecord<String, String>>> enough) {
        List<ConsumerRecord<String, String>> found = new ArrayList<>();
        long deadline = System.nanoTime() + patience.toNanos();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG,
                false,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class))) {
            List<TopicPartition> partitions = partitions(consumer, topic, deadline);
            if (partitions.isEmpty()) {
                return found;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = null;
            while (System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    if (key.toString().equals(record.key())) {
                        found.add(record);
                    }
                }
                if (ends == null && enough.test(found)) {
                    ends = consumer.endOffsets(partitions);
                }
                if (ends != null && reached(consumer, ends)) {
                    return found;
                }
            }
        }
        return found;
    }

    /** The topic's partitions, waiting until the deadline for a topic that does not exist yet (a DLT, say). */
    private static List<TopicPartition> partitions(
            KafkaConsumer<String, String> consumer, String topic, long deadline) {
        while (true) {
            List<PartitionInfo> infos =
                    consumer.listTopics(Duration.ofSeconds(5)).get(topic);
            if (infos != null && !infos.isEmpty()) {
                return infos.stream()
                        .map(info -> new TopicPartition(topic, info.partition()))
                        .toList();
            }
            if (System.nanoTime() >= deadline) {
                return List.of();
            }
            try {
                Thread.sleep(Duration.ofMillis(200));
            } catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
                return List.of();
            }
        }
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends) {
        return ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
    }

    @Override
    public void close() {
        producer.close();
    }
}
