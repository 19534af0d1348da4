package io.cloudshop.products.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

/** Stock changes add up exactly under concurrency and never go below zero. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", "spring.jpa.properties.hibernate.generate_statistics=true"})
@Import(TestInfrastructure.class)
class InventoryIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    RestTestClient admin;
    UUID product;

    @BeforeEach
    void setUp() {
        jdbc.sql("delete from products").update();
        admin = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.admin(UUID.randomUUID()))
                .build();
        product = UUID.randomUUID();
        jdbc.sql("""
                        insert into products (id, sku, name, category, price_amount, price_currency, stock)
                        values (?, 'INV-1', 'Kettle', 'kitchen', 12.50, 'EUR', 100)
                        """).param(product).update();
    }

    @AfterEach
    void tearDown() {
        jdbc.sql("delete from products").update();
    }

    @Test
    void fiftyConcurrentAdjustmentsAddUpExactly() throws Exception {
        int threads = 50;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                int delta = i % 2 == 0 ? 7 : -3; // 25 x +7 and 25 x -3
                statuses.add(pool.submit(() -> {
                    start.await();
                    return adjust(delta).getStatus().value();
                }));
            }
            start.countDown();
        }
        for (Future<Integer> status : statuses) {
            assertThat(status.get()).isEqualTo(200);
        }

        assertThat(stock()).isEqualTo(100 + 25 * 7 - 25 * 3);
    }

    @Test
    void concurrentRemovalsNeverOversell() throws Exception {
        jdbc.sql("update products set stock = 10 where id = ?").param(product).update();
        int threads = 30;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 0; i < threads; i++) {
                statuses.add(pool.submit(() -> {
                    start.await();
                    return adjust(-1).getStatus().value();
                }));
            }
            start.countDown();
        }
        List<Integer> answered = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answered.add(status.get());
        }

        assertThat(answered).filteredOn(status -> status == 200).hasSize(10);
        assertThat(answered).filteredOn(status -> status == 409).hasSize(20);
        assertThat(stock()).isZero();
    }

    @Test
    void removingMoreThanInStockIsRefusedAndChangesNothing() {
        admin.post()
                .uri("/api/v1/products/{id}/inventory/adjustments", product)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"delta\": -101}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("INSUFFICIENT_STOCK");

        assertThat(stock()).isEqualTo(100);
    }

    @Test
    void setNeedsTheCurrentVersion() {
        String etag = admin.get()
                .uri("/api/v1/products/{id}/inventory", product)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();

        admin.put()
                .uri("/api/v1/products/{id}/inventory", product)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"stock\": 5}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.PRECONDITION_REQUIRED);
        admin.put()
                .uri("/api/v1/products/{id}/inventory", product)
                .header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"stock\": 5}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.stock")
                .isEqualTo(5);
        admin.put()
                .uri("/api/v1/products/{id}/inventory", product)
                .header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"stock\": 50}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.PRECONDITION_FAILED);
        admin.post()
                .uri("/api/v1/products/{id}/inventory/adjustments", product)
                .header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"delta\": 1}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.PRECONDITION_FAILED);

        assertThat(stock()).isEqualTo(5);
    }

    @Test
    void negativeStockAndHugeDeltasAreInvalid() {
        admin.put()
                .uri("/api/v1/products/{id}/inventory", product)
                .header("If-Match", "\"0\"")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"stock\": -1}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("stock");
        admin.post()
                .uri("/api/v1/products/{id}/inventory/adjustments", product)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"delta\": 3000000000}")
                .exchange()
                .expectStatus()
                .isBadRequest();
        admin.post()
                .uri("/api/v1/products/{id}/inventory/adjustments", UUID.randomUUID())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"delta\": 1}")
                .exchange()
                .expectStatus()
                .isNotFound();
        assertThat(stock()).isEqualTo(100);
    }

    /** The last line of defence: even SQL that bypasses the service cannot make stock negative. */
    @Test
    void theDatabaseRefusesNegativeStock() {
        assertThatThrownBy(() -> jdbc.sql("update products set stock = -1 where id = ?")
                        .param(product)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("products_stock_check");
    }

    private org.springframework.test.web.servlet.client.EntityExchangeResult<String> adjust(int delta) {
        return admin.post()
                .uri("/api/v1/products/{id}/inventory/adjustments", product)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"delta\": " + delta + "}")
                .exchange()
                .returnResult(String.class);
    }

    private int stock() {
        return jdbc.sql("select stock from products where id = ?")
                .param(product)
                .query(Integer.class)
                .single();
    }
}
