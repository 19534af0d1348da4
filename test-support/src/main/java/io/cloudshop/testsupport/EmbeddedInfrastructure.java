package io.cloudshop.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The embedded infrastructure of one test JVM: started on first use, shared by every application context of the JVM
 * (as Spring's context cache shares contexts), stopped when the JVM exits.
 */
final class EmbeddedInfrastructure {

    static final String USERNAME = "postgres";
    static final String PASSWORD = "postgres";

    private static EmbeddedPostgres postgres;
    private static EmbeddedKafkaKraftBroker kafka;

    private EmbeddedInfrastructure() {}

    static synchronized String jdbcUrl() {
        if (postgres == null) {
            try {
                postgres = EmbeddedPostgres.builder().start();
            } catch (IOException ex) {
                throw new UncheckedIOException("Could not start embedded PostgreSQL", ex);
            }
            // zonky closes the cluster from its own shutdown hook.
        }
        return postgres.getJdbcUrl(USERNAME, "postgres");
    }

    static synchronized String kafkaBootstrapServers() {
        if (kafka == null) {
            EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
            broker.afterPropertiesSet();
            Runtime.getRuntime().addShutdownHook(new Thread(broker::destroy, "embedded-kafka-shutdown"));
            kafka = broker;
        }
        return kafka.getBrokersAsString();
    }
}
