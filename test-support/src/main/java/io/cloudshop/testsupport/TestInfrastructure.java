package io.cloudshop.testsupport;

import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistrar;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Real PostgreSQL and Kafka for any {@code @SpringBootTest}, imported with one line:
 *
 * <pre>{@code @Import(TestInfrastructure.class)}</pre>
 *
 * <p>Where a Docker engine answers, PostgreSQL and Kafka run in Testcontainers and connect through
 * {@code @ServiceConnection}. Without one, an embedded PostgreSQL 17 cluster (real server binaries) and an embedded
 * KRaft broker run inside the test JVM, shared by every context of that JVM, and their coordinates are registered as
 * properties. {@link InfrastructureMode} tells which one a run gets; test classes never need to know.
 *
 * <p>Access tokens for the services come from {@link TestTokens}, whose keys this configuration publishes to the
 * application.
 *
 * <p>Kafka is only started for applications that have spring-kafka, and in embedded mode only once a bean reads
 * {@code spring.kafka.bootstrap-servers}.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({
    TestTokensConfiguration.class,
    TestInfrastructure.Containers.class,
    TestInfrastructure.ContainerKafka.class,
    TestInfrastructure.Embedded.class
})
public class TestInfrastructure {

    /** PostgreSQL image for the Docker path; the same major version as the embedded binaries and production. */
    static final String POSTGRES_IMAGE = "postgres:17-alpine";

    /** Kafka image for the Docker path; the same Kafka version as the clients Boot manages. */
    static final String KAFKA_IMAGE = "apache/kafka-native:4.1.2";

    @Configuration(proxyBeanMethods = false)
    @Conditional(InfrastructureMode.ContainersCondition.class)
    static class Containers {

        @Bean
        @ServiceConnection
        PostgreSQLContainer postgresContainer() {
            return new PostgreSQLContainer(POSTGRES_IMAGE);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(InfrastructureMode.ContainersCondition.class)
    @ConditionalOnClass(name = "org.springframework.kafka.core.KafkaTemplate")
    static class ContainerKafka {

        @Bean
        @ServiceConnection
        KafkaContainer kafkaContainer() {
            return new KafkaContainer(KAFKA_IMAGE);
        }
    }

    @Configuration(proxyBeanMethods = false)
    @Conditional(InfrastructureMode.EmbeddedCondition.class)
    static class Embedded {

        @Bean
        static DynamicPropertyRegistrar embeddedInfrastructureProperties() {
            return registry -> {
                registry.add("spring.datasource.url", EmbeddedInfrastructure::jdbcUrl);
                registry.add("spring.datasource.username", () -> EmbeddedInfrastructure.USERNAME);
                registry.add("spring.datasource.password", () -> EmbeddedInfrastructure.PASSWORD);
                registry.add("spring.kafka.bootstrap-servers", EmbeddedInfrastructure::kafkaBootstrapServers);
            };
        }
    }
}
