package io.cloudshop.products.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TokenMatrix;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** The catalog endpoint answers from the products table that Flyway created on a real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@Import(TestInfrastructure.class)
class ProductCatalogIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RestTestClient client;

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
        jdbc.sql("delete from products").update();
    }

    @AfterEach
    void tearDown() {
        jdbc.sql("delete from products").update();
    }

    @Test
    void migrationCreatesTheProductsTable() {
        Integer applied = jdbc.sql("select count(*) from flyway_schema_history where version = '1' and success")
                .query(Integer.class)
                .single();

        assertThat(applied).isEqualTo(1);
    }

    @Test
    void emptyCatalogIsAnEmptyPage() {
        client.get()
                .uri("/api/v1/products")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.content")
                .isEmpty()
                .jsonPath("$.page.totalElements")
                .isEqualTo(0)
                .jsonPath("$.page.size")
                .isEqualTo(20)
                .jsonPath("$.page.number")
                .isEqualTo(0);
    }

    @Test
    void listsLiveProductsFromTheTable() {
        UUID live = insertProduct("SKU-1", false);
        insertProduct("SKU-2", true);

        client.get()
                .uri("/api/v1/products")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.page.totalElements")
                .isEqualTo(1)
                .jsonPath("$.content[0].id")
                .isEqualTo(live.toString())
                .jsonPath("$.content[0].price.amount")
                .isEqualTo(12.5)
                .jsonPath("$.content[0].price.currency")
                .isEqualTo("EUR");
    }

    @Test
    void sortsByWhitelistedFieldsOnly() {
        UUID first = insertProduct("SKU-1", false);
        UUID second = insertProduct("SKU-2", false);
        jdbc.sql("update products set name = 'Anvil' where id = ?")
                .param(second)
                .update();

        client.get()
                .uri("/api/v1/products?sort=name,asc")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.content[0].id")
                .isEqualTo(second.toString())
                .jsonPath("$.content[1].id")
                .isEqualTo(first.toString());
        client.get()
                .uri("/api/v1/products?sort=name,desc")
                .exchange()
                .expectBody()
                .jsonPath("$.content[0].id")
                .isEqualTo(first.toString());
        client.get()
                .uri("/api/v1/products?sort=stock")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("sort")
                .jsonPath("$.errors[0].message")
                .isEqualTo("must be one of createdAt, name, price, optionally ,asc or ,desc");
    }

    @Test
    void everyInvalidTokenIsRejected() {
        TokenMatrix.assertEveryInvalidTokenIsRejected("http://localhost:" + port + "/api/v1/products");
    }

    @Test
    void oversizedPageIsRejected() {
        client.get()
                .uri("/api/v1/products?size=1000")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("size");
    }

    @Test
    void readinessIncludesTheDatabase() {
        client.get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    private UUID insertProduct(String sku, boolean deleted) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into products (id, sku, name, category, price_amount, price_currency, stock, deleted)
                        values (?, ?, 'Kettle', 'kitchen', 12.50, 'EUR', 3, ?)
                        """).params(id, sku, deleted).update();
        return id;
    }
}
