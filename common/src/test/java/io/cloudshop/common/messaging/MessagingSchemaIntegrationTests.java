package io.cloudshop.common.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.testsupport.TestInfrastructure;
import java.util.List;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The outbox and the ledger come from common's migrations, into every service's database after its own, with their
 * own history; a database whose service made them itself (before they moved here) keeps them and their rows.
 */
@SpringBootTest(
        classes = MessagingSchemaIntegrationTests.TestApplication.class,
        properties = {"spring.flyway.locations=classpath:db/schema-fixture/service"})
@Import(TestInfrastructure.class)
class MessagingSchemaIntegrationTests {

    static final String BEFORE_THE_MOVE = "made_before_the_move";

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @AfterEach
    void dropSchema() {
        jdbc.sql("drop schema if exists " + BEFORE_THE_MOVE + " cascade").update();
    }

    @Test
    void aServicesDatabaseHasItsOwnTablesAndTheOutboxAndLedger() {
        assertThat(tables("public")).contains("things", "event_publication", "processed_events");
        assertThat(versions("public", "flyway_schema_history")).containsExactly("1");
        assertThat(versions("public", MessagingSchemaAutoConfiguration.HISTORY)).containsExactly("0", "1");
    }

    @Test
    void aDatabaseWhoseServiceMadeTheTablesItselfKeepsThemAndTheirRows() {
        Flyway service = Flyway.configure()
                .dataSource(dataSource)
                .schemas(BEFORE_THE_MOVE)
                .locations("classpath:db/schema-fixture/before-the-move")
                .load();
        service.migrate();

        assertThat(MessagingSchemaAutoConfiguration.messagingSchema(service).migrate().success)
                .isTrue();

        assertThat(versions(BEFORE_THE_MOVE, MessagingSchemaAutoConfiguration.HISTORY))
                .containsExactly("0", "1");
        assertThat(jdbc.sql("select consumer from " + BEFORE_THE_MOVE + ".processed_events")
                        .query(String.class)
                        .list())
                .containsExactly("a-consumer");
    }

    private List<String> tables(String schema) {
        return jdbc.sql("select table_name from information_schema.tables where table_schema = ?")
                .param(schema)
                .query(String.class)
                .list();
    }

    private List<String> versions(String schema, String history) {
        return jdbc.sql("select version from " + schema + "." + history + " where success order by installed_rank")
                .query(String.class)
                .list();
    }

    @SpringBootApplication
    static class TestApplication {}
}
