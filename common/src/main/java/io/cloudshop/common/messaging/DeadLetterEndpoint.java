package io.cloudshop.common.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * {@code /actuator/deadletters} (ADMIN only, like every actuator endpoint but health and info): this service's
 * dead letters, and their replay.
 *
 * <ul>
 *   <li>{@code GET}: per topic this service consumes, its dead-letter topic's records not yet replayed (at most 100
 *       each): key, partition, offset, the failure's class and message, the original topic.
 *   <li>{@code POST /actuator/deadletters/{topic}}: sends every not yet replayed dead letter of {@code topic} back to
 *       {@code topic}, byte for byte with its key, then remembers how far it got (the committed offsets of the
 *       consumer group {@code <service>.dead-letter-replay}). Replaying again sends only what has died since; and as
 *       every consumer applies each event id once, a record replayed twice is still applied once. Unreadable records
 *       ({@link MalformedEventException}) are skipped, not sent again: they could only die again.
 * </ul>
 *
 * <p>Hand-written because spring-kafka has the dead-letter publishing but no reader or replayer for it.
 */
@Endpoint(id = "deadletters")
public class DeadLetterEndpoint {

    private static final int MAX_LISTED = 100;
    private static final Duration POLL = Duration.ofMillis(500);

    private final DeadLetters deadLetters;
    private final ConsumerFactory<?, ?> consumers;
    private final KafkaListenerEndpointRegistry listeners;
    private final String group;

    DeadLetterEndpoint(
            DeadLetters deadLetters,
            ConsumerFactory<?, ?> consumers,
            KafkaListenerEndpointRegistry listeners,
            String service) {
        this.deadLetters = deadLetters;
        this.consumers = consumers;
        this.listeners = listeners;
        this.group = service + ".dead-letter-replay";
    }

    public record DeadLetter(
            int partition,
            long offset,
            @Nullable String key,
            Instant timestamp,
            @Nullable String originalTopic,
            @Nullable String exception,
            @Nullable String message) {}

    /** {@code skipped}: unreadable records ({@link MalformedEventException}), which no replay can fix. */
    public record Replay(String topic, String deadLetterTopic, int replayed, int skipped) {}

    @ReadOperation
    public Map<String, List<DeadLetter>> deadLetters() {
        Map<String, List<DeadLetter>> all = new LinkedHashMap<>();
        try (Consumer<String, byte[]> consumer = consumer()) {
            for (String topic : consumedTopics()) {
                List<DeadLetter> letters = new ArrayList<>();
                for (ConsumerRecord<String, byte[]> record : pending(consumer, deadLetters.topicFor(topic))) {
                    if (letters.size() == MAX_LISTED) {
                        break;
                    }
                    letters.add(new DeadLetter(
                            record.partition(),
                            record.offset(),
                            record.key(),
                            Instant.ofEpochMilli(record.timestamp()),
                            header(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                            header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN) != null
                                    ? header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)
                                    : header(record, KafkaHeaders.DLT_EXCEPTION_FQCN),
                            header(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE)));
                }
                all.put(topic, letters);
            }
        }
        return all;
    }

    @WriteOperation
    public Replay replay(@Selector String topic) {
        if (!consumedTopics().contains(topic)) {
            throw new IllegalArgumentException("This service does not consume " + topic);
        }
        String deadLetterTopic = deadLetters.topicFor(topic);
        int replayed = 0;
        int skipped = 0;
        try (Consumer<String, byte[]> consumer = consumer()) {
            List<ConsumerRecord<String, byte[]>> pending = pending(consumer, deadLetterTopic);
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            for (ConsumerRecord<String, byte[]> record : pending) {
                if (MalformedEventException.class
                        .getName()
                        .equals(header(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN))) {
                    skipped++; // unreadable: a replay could only dead-letter it again
                } else {
                    deadLetters
                            .template()
                            .send(new ProducerRecord<>(topic, record.key(), record.value()))
                            .get();
                    replayed++;
                }
                done.put(
                        new TopicPartition(record.topic(), record.partition()),
                        new OffsetAndMetadata(record.offset() + 1));
            }
            if (!done.isEmpty()) {
                consumer.commitSync(done);
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying " + deadLetterTopic, ex);
        } catch (ExecutionException ex) {
            throw new IllegalStateException("Could not replay to " + topic, ex.getCause());
        }
        return new Replay(topic, deadLetterTopic, replayed, skipped);
    }

    /** Every record of {@code topic} after the replay group's committed offsets (all of it if never replayed). */
    private List<ConsumerRecord<String, byte[]>> pending(Consumer<String, byte[]> consumer, String topic) {
        List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(5));
        if (partitions == null || partitions.isEmpty()) {
            return List.of();
        }
        List<TopicPartition> assigned = partitions.stream()
                .map(info -> new TopicPartition(topic, info.partition()))
                .toList();
        consumer.assign(assigned);
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(Set.copyOf(assigned));
        Map<TopicPartition, Long> ends = consumer.endOffsets(assigned);
        for (TopicPartition partition : assigned) {
            OffsetAndMetadata offset = committed.get(partition);
            if (offset == null) {
                consumer.seekToBeginning(List.of(partition));
            } else {
                consumer.seek(partition, offset.offset());
            }
        }
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (assigned.stream().anyMatch(partition -> consumer.position(partition) < ends.get(partition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("Could not read " + topic + " to its end within 30 s");
            }
            ConsumerRecords<String, byte[]> batch = consumer.poll(POLL);
            batch.forEach(records::add);
        }
        return records;
    }

    private Collection<String> consumedTopics() {
        return consumedTopics(listeners);
    }

    /** The topics this service's listener containers consume. */
    static Collection<String> consumedTopics(KafkaListenerEndpointRegistry listeners) {
        Set<String> topics = new TreeSet<>();
        listeners.getListenerContainers().forEach(container -> {
            String[] names = container.getContainerProperties().getTopics();
            if (names != null) {
                topics.addAll(List.of(names));
            }
        });
        return topics;
    }

    @SuppressWarnings("unchecked")
    private Consumer<String, byte[]> consumer() {
        Map<String, Object> overrides = new HashMap<>();
        overrides.put(
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.StringDeserializer.class);
        overrides.put(
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                org.apache.kafka.common.serialization.ByteArrayDeserializer.class);
        overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        java.util.Properties properties = new java.util.Properties();
        properties.putAll(overrides);
        return (Consumer<String, byte[]>) consumers.createConsumer(group, "dead-letters", null, properties);
    }

    private static @Nullable String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
