package io.cloudshop.products.product;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudshop.testsupport.TestInfrastructure;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Every migration runs from an empty schema on real PostgreSQL, and the constraints they declare hold. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", CatalogFixtures.PROPERTIES})
@Import(TestInfrastructure.class)
class MigrationIntegrationTests {

    static final String SCHEMA = "migration_from_empty";

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void dropSchema() {
        jdbc.sql("drop schema if exists " + SCHEMA + " cascade").update();
    }

    @Test
    void allMigrationsRunFromAnEmptySchema() {
        MigrateResult result = Flyway.configure()
                .dataSource(dataSource)
                .schemas(SCHEMA)
                .locations("classpath:db/migration")
                .load()
                .migrate();

        assertThat(result.success).isTrue();
        assertThat(result.migrations).extracting(migration -> migration.version).containsExactly("1", "2", "3");
        assertThat(jdbc.sql("select count(*) from pg_indexes where schemaname = ? and tablename = 'products'")
                        .param(SCHEMA)
                        .query(Integer.class)
                        .single())
                .as("primary key, sku, and the five query indexes")
                .isEqualTo(8);
    }

    @Test
    void constraintsRefuseWhatTheServiceWouldNeverWrite() {
        String insert = "insert into products (id, sku, name, category, price_amount, price_currency, stock)"
                + " values (gen_random_uuid(), ?, ?, 'kitchen', ?, ?, ?)";
        assertThatThrownBy(() ->
                        jdbc.sql(insert).params("C-1", "Kettle", 0, "EUR", 1).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() ->
                        jdbc.sql(insert).params("C-1", "Kettle", 1, "eur", 1).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(
                        () -> jdbc.sql(insert).params("C-1", "  ", 1, "EUR", 1).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> jdbc.sql(insert)
                        .params("bad sku!", "Kettle", 1, "EUR", 1)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() ->
                        jdbc.sql(insert).params("C-1", "Kettle", 1, "EUR", -1).update())
                .isInstanceOf(DataIntegrityViolationException.class);
        assertThat(jdbc.sql("select count(*) from products")
                        .query(Integer.class)
                        .single())
                .isZero();
    }
}
