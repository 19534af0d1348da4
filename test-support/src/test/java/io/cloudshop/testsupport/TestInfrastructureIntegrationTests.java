package io.cloudshop.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/** The shared configuration gives an application a working PostgreSQL 17 and a working Kafka broker. */
@SpringBootTest(
        classes = TestInfrastructureIntegrationTests.TestApplication.class,
        properties = {"spring.kafka.consumer.auto-offset-reset=earliest", "spring.kafka.consumer.group-id=test-support"
        })
@Import(TestInfrastructure.class)
class TestInfrastructureIntegrationTests {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    KafkaTemplate<String, String> kafka;

    @Autowired
    ConsumerFactory<String, String> consumers;

    @Test
    void databaseIsRealPostgresql17() {
        String version = jdbc.sql("select version()").query(String.class).single();

        assertThat(version).startsWith("PostgreSQL 17");
    }

    @Test
    void databaseKeepsWhatIsWritten() {
        jdbc.sql("create table if not exists probe (id uuid primary key)").update();
        UUID id = UUID.randomUUID();
        jdbc.sql("insert into probe (id) values (?)").param(id).update();

        assertThat(jdbc.sql("select count(*) from probe where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(1L);
    }

    @Test
    void brokerDeliversWhatIsSent() throws Exception {
        String topic = "probe-" + UUID.randomUUID();
        kafka.send(topic, "key", "hello").get();

        try (Consumer<String, String> consumer =
                consumers.createConsumer("probe-" + UUID.randomUUID(), null, null, consumerOverrides())) {
            consumer.subscribe(List.of(topic));
            ConsumerRecords<String, String> records = ConsumerRecords.empty();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (records.isEmpty() && System.nanoTime() < deadline) {
                records = consumer.poll(Duration.ofMillis(500));
            }
            assertThat(records.records(topic)).extracting(r -> r.value()).containsExactly("hello");
        }
    }

    private static java.util.Properties consumerOverrides() {
        java.util.Properties properties = new java.util.Properties();
        properties.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        return properties;
    }

    @SpringBootApplication
    static class TestApplication {}
}
