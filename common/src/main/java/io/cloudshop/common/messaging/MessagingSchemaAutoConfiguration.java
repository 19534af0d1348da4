package io.cloudshop.common.messaging;

import org.flywaydb.core.Flyway;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.flyway.autoconfigure.FlywayMigrationStrategy;
import org.springframework.context.annotation.Bean;

/**
 * The schema this module's messaging code depends on (the outbox, {@code event_publication}, and the idempotent-consumer
 * ledger, {@code processed_events}), declared once here rather than in every service: migrated from
 * {@value #LOCATION} into the service's database right after its own migrations (before anything runs that uses
 * them), with a history table of its own ({@value #HISTORY}), so the two version sequences never meet. A service's own
 * migrations hold only its own tables, and never refer to these.
 *
 * <p>The schema is not empty when this runs, so it is first baselined at version 0; a database created before these
 * tables moved here finds them in place in V1 ({@code if not exists}).
 */
@AutoConfiguration(beforeName = "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration")
@ConditionalOnClass({Flyway.class, FlywayMigrationStrategy.class})
public class MessagingSchemaAutoConfiguration {

    static final String LOCATION = "classpath:db/cloudshop-messaging";
    static final String HISTORY = "flyway_schema_history_messaging";

    @Bean
    @ConditionalOnMissingBean
    FlywayMigrationStrategy messagingSchemaFirst() {
        return flyway -> {
            flyway.migrate();
            messagingSchema(flyway).migrate();
        };
    }

    /** Same database, schemas and credentials as the service's own Flyway; this module's scripts and history. */
    static Flyway messagingSchema(Flyway service) {
        return Flyway.configure(service.getConfiguration().getClassLoader())
                .configuration(service.getConfiguration())
                .locations(LOCATION)
                .table(HISTORY)
                .baselineOnMigrate(true)
                .baselineVersion("0")
                .load();
    }
}
