package io.cloudshop.products.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.testsupport.TestInfrastructure;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Single-product reads come from the cache once warm, every change evicts the product at once, the hit ratio is a
 * metric, and HTTP caches get an entity tag and a max-age.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", CatalogFixtures.PROPERTIES})
@Import(TestInfrastructure.class)
class ProductCachingIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    CatalogFixtures catalog;

    @BeforeEach
    void setUp() {
        catalog = new CatalogFixtures(port, jdbc);
        catalog.clear();
    }

    @AfterEach
    void tearDown() {
        catalog.clear();
    }

    @Test
    void repeatedReadsAreCacheHits() {
        UUID id = catalog.create("C-1");
        double hits = gets("hit");
        double misses = gets("miss");

        catalog.read(id);
        catalog.read(id);
        catalog.read(id);

        assertThat(gets("miss") - misses).isEqualTo(1);
        assertThat(gets("hit") - hits).isEqualTo(2);
    }

    /** Proof that reads are served from the cache: a change behind the service's back is not seen until eviction. */
    @Test
    void everyChangeThroughTheServiceEvictsAtOnce() {
        UUID id = catalog.create("C-1", "Kettle", "", "kitchen", "10.00", 3);
        catalog.read(id);
        jdbc.sql("update products set name = 'Changed behind the back' where id = ?")
                .param(id)
                .update();
        assertThat(catalog.read(id).get("name").asString()).isEqualTo("Kettle");

        catalog.admin
                .patch()
                .uri("/api/v1/products/{id}", id)
                .header("If-Match", catalog.etag(id))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"Kettle Pro\"}")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(catalog.read(id).get("name").asString()).isEqualTo("Kettle Pro");

        catalog.admin
                .post()
                .uri("/api/v1/products/{id}/inventory/adjustments", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"delta\": -3}")
                .exchange()
                .expectStatus()
                .isOk();
        assertThat(catalog.read(id).get("available").asBoolean()).isFalse();

        catalog.admin
                .delete()
                .uri("/api/v1/products/{id}", id)
                .exchange()
                .expectStatus()
                .isNoContent();
        assertThat(catalog.read(id).get("deleted").asBoolean()).isTrue();
    }

    @Test
    void httpCachesGetAnEntityTagAndAMaxAge() {
        UUID id = catalog.create("C-1");
        String etag = catalog.etag(id);

        catalog.anonymous
                .get()
                .uri("/api/v1/products/{id}", id)
                .exchange()
                .expectHeader()
                .valueEquals("Cache-Control", "max-age=30, must-revalidate, public");
        catalog.anonymous
                .get()
                .uri("/api/v1/products/{id}", id)
                .header("If-None-Match", etag)
                .exchange()
                .expectStatus()
                .isNotModified();

        catalog.admin
                .post()
                .uri("/api/v1/products/{id}/inventory/adjustments", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"delta\": 1}")
                .exchange()
                .expectStatus()
                .isOk();
        catalog.anonymous
                .get()
                .uri("/api/v1/products/{id}", id)
                .header("If-None-Match", etag)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void hitRatioIsAMetricForAdmins() {
        UUID id = catalog.create("C-1");
        catalog.read(id);
        catalog.read(id);

        catalog.admin
                .get()
                .uri("/actuator/metrics/cache.gets?tag=cache:products&tag=result:hit")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.measurements[0].value")
                .value(value -> assertThat(((Number) value).doubleValue()).isGreaterThanOrEqualTo(1));
        catalog.customer
                .get()
                .uri("/actuator/metrics/cache.gets")
                .exchange()
                .expectStatus()
                .isForbidden();
    }

    private double gets(String result) {
        return meters.get("cache.gets")
                .tag("cache", ProductCatalog.CACHE)
                .tag("result", result)
                .functionCounter()
                .count();
    }
}
