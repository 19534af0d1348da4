package io.cloudshop.products.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.testsupport.TestInfrastructure;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Admins create, edit (only with the version they read), and soft-delete products; nobody else can. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", CatalogFixtures.PROPERTIES})
@Import(TestInfrastructure.class)
class ProductAdminIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

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
    void createAnswersCreatedWithLocationETagAndExactPrice() {
        catalog.admin
                .post()
                .uri("/api/v1/products")
                .contentType(MediaType.APPLICATION_JSON)
                .body(CatalogFixtures.product("KIT-1", " Kettle ", "Boils water.", "kitchen", "12.5", 4))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .value("Location", location -> assertThat(location).matches("/api/v1/products/[0-9a-f-]{36}"))
                .expectHeader()
                .exists("ETag")
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Kettle")
                .jsonPath("$.price.amount")
                .isEqualTo(12.50)
                .jsonPath("$.price.currency")
                .isEqualTo("EUR")
                .jsonPath("$.stock")
                .isEqualTo(4)
                .jsonPath("$.available")
                .isEqualTo(true);
        assertThat(jdbc.sql("select price_amount::text from products where sku = 'KIT-1'")
                        .query(String.class)
                        .single())
                .isEqualTo("12.5000");
    }

    @Test
    void skuIsUnique() {
        catalog.create("KIT-1");

        catalog.admin
                .post()
                .uri("/api/v1/products")
                .contentType(MediaType.APPLICATION_JSON)
                .body(CatalogFixtures.product("KIT-1", "Other", "", "kitchen", "1.00", 1))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("SKU_TAKEN");
        assertThat(count()).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "0, EUR, price.amount",
        "-5.00, EUR, price.amount",
        "1.999, EUR, price.amount",
        "1.5, JPY, price.amount",
        "10, EURO, price.currency",
        "10, XXX, price.currency",
        "10, eur, price.currency",
        "10000000000, EUR, price.amount"
    })
    void badPricesAreRejectedAndNothingWritten(String amount, String currency, String field) {
        catalog.admin
                .post()
                .uri("/api/v1/products")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"sku": "BAD-1", "name": "Kettle", "category": "kitchen",
                         "price": {"amount": %s, "currency": "%s"}, "stock": 1}""".formatted(amount, currency))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo(field);
        assertThat(count()).isZero();
    }

    @Test
    void threeDecimalCurrenciesKeepThreeDecimals() {
        catalog.admin
                .post()
                .uri("/api/v1/products")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"sku": "BHD-1", "name": "Lamp", "category": "home",
                         "price": {"amount": 1.125, "currency": "BHD"}, "stock": 1}""")
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.price.amount")
                .isEqualTo(1.125);
    }

    @Test
    void customersAndAnonymousCannotWrite() {
        String body = CatalogFixtures.product("KIT-9", "Kettle", "", "kitchen", "1.00", 1);
        catalog.customer
                .post()
                .uri("/api/v1/products")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FORBIDDEN");
        catalog.anonymous
                .post()
                .uri("/api/v1/products")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        UUID id = catalog.create("KIT-1");
        catalog.customer
                .delete()
                .uri("/api/v1/products/{id}", id)
                .exchange()
                .expectStatus()
                .isForbidden();
        catalog.customer
                .get()
                .uri("/api/v1/products/{id}/inventory", id)
                .exchange()
                .expectStatus()
                .isForbidden();
        catalog.anonymous
                .get()
                .uri("/api/v1/products/{id}/inventory", id)
                .exchange()
                .expectStatus()
                .isUnauthorized();
        assertThat(count()).isEqualTo(1);
    }

    @Test
    void editsNeedTheCurrentVersion() {
        UUID id = catalog.create("KIT-1");
        String etag = catalog.etag(id);
        String change = """
                {"name": "Kettle Pro", "description": "Faster.", "category": "kitchen",
                 "price": {"amount": 19.90, "currency": "EUR"}}""";

        catalog.admin
                .put()
                .uri("/api/v1/products/{id}", id)
                .contentType(MediaType.APPLICATION_JSON)
                .body(change)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.PRECONDITION_REQUIRED)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("PRECONDITION_REQUIRED");

        catalog.admin
                .put()
                .uri("/api/v1/products/{id}", id)
                .header("If-Match", etag)
                .contentType(MediaType.APPLICATION_JSON)
                .body(change)
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value("ETag", newTag -> assertThat(newTag).isNotEqualTo(etag))
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Kettle Pro");

        catalog.admin
                .patch()
                .uri("/api/v1/products/{id}", id)
                .header("If-Match", etag)
                .contentType(MediaType.valueOf("application/merge-patch+json"))
                .body("{\"name\": \"Lost update\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.PRECONDITION_FAILED)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("PRECONDITION_FAILED");
        assertThat(catalog.read(id).get("name").asString()).isEqualTo("Kettle Pro");
    }

    @Test
    void patchChangesOnlyWhatItNamesAndRefusesStock() {
        UUID id = catalog.create("KIT-1", "Kettle", "Boils water.", "kitchen", "12.50", 3);

        catalog.admin
                .patch()
                .uri("/api/v1/products/{id}", id)
                .header("If-Match", catalog.etag(id))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"price\": {\"amount\": 9.99, \"currency\": \"EUR\"}}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.price.amount")
                .isEqualTo(9.99)
                .jsonPath("$.name")
                .isEqualTo("Kettle")
                .jsonPath("$.description")
                .isEqualTo("Boils water.");

        catalog.admin
                .patch()
                .uri("/api/v1/products/{id}", id)
                .header("If-Match", catalog.etag(id))
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"stock\": 1000}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("stock");
        assertThat(catalog.stockInDatabase(id)).isEqualTo(3);
    }

    /** Many admins edit from the same version at once: exactly one wins, every other gets 412, nothing is mixed. */
    @Test
    void concurrentEditsFromOneVersionHaveExactlyOneWinner() throws Exception {
        UUID id = catalog.create("KIT-1");
        String etag = catalog.etag(id);
        int editors = 12;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> statuses = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(editors)) {
            for (int i = 0; i < editors; i++) {
                String name = "Edit " + i;
                statuses.add(pool.submit(() -> {
                    start.await();
                    return catalog.admin
                            .patch()
                            .uri("/api/v1/products/{id}", id)
                            .header("If-Match", etag)
                            .contentType(MediaType.APPLICATION_JSON)
                            .body("{\"name\": \"" + name + "\"}")
                            .exchange()
                            .returnResult(String.class)
                            .getStatus()
                            .value();
                }));
            }
            start.countDown();
        }
        List<Integer> answered = new ArrayList<>();
        for (Future<Integer> status : statuses) {
            answered.add(status.get());
        }

        assertThat(answered).containsOnly(200, 412);
        assertThat(answered).filteredOn(status -> status == 200).hasSize(1);
        assertThat(jdbc.sql("select version from products where id = ?")
                        .param(id)
                        .query(Long.class)
                        .single())
                .isEqualTo(Long.parseLong(etag.replace("\"", "")) + 1);
    }

    @Test
    void deleteHidesFromListingsButKeepsTheProductResolvable() {
        UUID id = catalog.create("KIT-1");
        UUID other = catalog.create("KIT-2");

        catalog.admin
                .delete()
                .uri("/api/v1/products/{id}", id)
                .exchange()
                .expectStatus()
                .isNoContent();
        catalog.admin
                .delete()
                .uri("/api/v1/products/{id}", id)
                .exchange()
                .expectStatus()
                .isNoContent();

        catalog.anonymous
                .get()
                .uri("/api/v1/products")
                .exchange()
                .expectBody()
                .jsonPath("$.page.totalElements")
                .isEqualTo(1)
                .jsonPath("$.content[0].id")
                .isEqualTo(other.toString());
        assertThat(catalog.read(id).get("deleted").asBoolean()).isTrue();
        assertThat(catalog.read(id).get("available").asBoolean()).isFalse();
        catalog.admin
                .delete()
                .uri("/api/v1/products/{id}", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound();
    }

    @Test
    void unknownProductIsNotFoundProblem() {
        catalog.anonymous
                .get()
                .uri("/api/v1/products/{id}", UUID.randomUUID())
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("NOT_FOUND");
    }

    @Test
    void namesWithControlOrBidiCharactersAreRejected() {
        catalog.admin
                .post()
                .uri("/api/v1/products")
                .contentType(MediaType.APPLICATION_JSON)
                .body(CatalogFixtures.product("KIT-1", "Kettle\\u202Eexe", "", "kitchen", "1.00", 1))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("name");
        assertThat(count()).isZero();
    }

    private int count() {
        return jdbc.sql("select count(*) from products").query(Integer.class).single();
    }
}
