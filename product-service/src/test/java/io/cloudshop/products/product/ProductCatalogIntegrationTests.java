package io.cloudshop.products.product;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TokenMatrix;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.UUID;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Public reads of the catalog: listing, filters, full-text search, sorting, paging and the batch read. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"eureka.client.enabled=false", CatalogFixtures.PROPERTIES})
@Import(TestInfrastructure.class)
class ProductCatalogIntegrationTests {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EntityManagerFactory entityManagerFactory;

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
    void emptyCatalogIsAnEmptyPage() {
        catalog.anonymous
                .get()
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
    void filtersByCategoryPriceAndStock() {
        catalog.create("K-1", "Kettle", "Boils water.", "kitchen", "20.00", 5);
        catalog.create("K-2", "Toaster", "Browns bread.", "kitchen", "45.00", 0);
        catalog.create("O-1", "Tent", "Sleeps two.", "outdoor", "200.00", 2);

        assertThat(skus("/api/v1/products?category=kitchen")).containsExactlyInAnyOrder("K-1", "K-2");
        assertThat(skus("/api/v1/products?minPrice=30&maxPrice=200")).containsExactlyInAnyOrder("K-2", "O-1");
        assertThat(skus("/api/v1/products?inStock=true")).containsExactlyInAnyOrder("K-1", "O-1");
        assertThat(skus("/api/v1/products?inStock=false")).containsExactly("K-2");
        assertThat(skus("/api/v1/products?category=kitchen&inStock=true&currency=EUR"))
                .containsExactly("K-1");
        assertThat(skus("/api/v1/products?currency=USD")).isEmpty();
    }

    @Test
    void searchMatchesStemmedWordsAndRanksNameAboveDescription() {
        catalog.create("K-1", "Kettle", "Boils water fast.", "kitchen", "20.00", 5);
        catalog.create("K-2", "Teapot", "Pairs well with any kettle.", "kitchen", "25.00", 5);
        catalog.create("K-3", "Toaster", "Browns bread.", "kitchen", "45.00", 5);

        assertThat(skus("/api/v1/products?q=kettles")).containsExactly("K-1", "K-2");
        assertThat(skus("/api/v1/products?q=kettle -teapot")).containsExactly("K-1");
        assertThat(skus("/api/v1/products?q=\"browns bread\"")).containsExactly("K-3");
        assertThat(skus("/api/v1/products?q=kettle&sort=price,desc")).containsExactly("K-2", "K-1");
    }

    /** Anything a user may type is a search, never SQL or tsquery syntax: no 500, no injection, no error. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "'; drop table products; --",
                "kettle & | ! ( ) :* <->",
                "!!!",
                "\\\\",
                "' or 1=1 --",
                "the",
                "\"unbalanced",
                "ünïcödé 🚀"
            })
    void searchStringsWithSyntaxCharactersAreJustSearches(String q) {
        catalog.create("K-1", "Kettle", "Boils water.", "kitchen", "20.00", 5);

        catalog.anonymous
                .get()
                .uri(builder ->
                        builder.path("/api/v1/products").queryParam("q", "{q}").build(q))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.page")
                .exists();
        assertThat(jdbc.sql("select count(*) from products")
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void sortsByWhitelistedFieldsOnlyAndPagesStably() {
        catalog.create("A-1", "Bravo", "", "kitchen", "3.00", 1);
        catalog.create("A-2", "Alpha", "", "kitchen", "2.00", 1);
        catalog.create("A-3", "Charlie", "", "kitchen", "1.00", 1);

        assertThat(skus("/api/v1/products?sort=name,asc")).containsExactly("A-2", "A-1", "A-3");
        assertThat(skus("/api/v1/products?sort=price")).containsExactly("A-3", "A-2", "A-1");
        assertThat(skus("/api/v1/products?sort=price&size=2&page=1")).containsExactly("A-1");
        catalog.anonymous
                .get()
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
    void badFiltersAreRejected() {
        for (String query : List.of(
                "minPrice=-1", "minPrice=10&maxPrice=5", "currency=euro", "size=1000", "page=-1", "inStock=maybe")) {
            catalog.anonymous
                    .get()
                    .uri("/api/v1/products?" + query)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("VALIDATION_FAILED");
        }
    }

    /** The batch read other services use: current price and availability of many products in one statement. */
    @Test
    void batchReadReturnsTheNamedProductsInOneStatement() {
        UUID kettle = catalog.create("K-1", "Kettle", "", "kitchen", "20.00", 5);
        UUID toaster = catalog.create("K-2", "Toaster", "", "kitchen", "45.00", 0);
        UUID gone = catalog.create("K-3", "Teapot", "", "kitchen", "25.00", 5);
        catalog.admin
                .delete()
                .uri("/api/v1/products/{id}", gone)
                .exchange()
                .expectStatus()
                .isNoContent();
        Statistics statistics =
                entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();

        JsonNode page = get("/api/v1/products?ids=" + gone + "," + kettle + "," + toaster + "," + UUID.randomUUID());

        assertThat(statistics.getPrepareStatementCount()).isEqualTo(1);
        assertThat(page.get("content").size()).isEqualTo(3);
        assertThat(page.at("/content/0/id").asString()).isEqualTo(gone.toString());
        assertThat(page.at("/content/0/available").asBoolean()).isFalse();
        assertThat(page.at("/content/0/deleted").asBoolean()).isTrue();
        assertThat(page.at("/content/1/price/amount").decimalValue()).isEqualByComparingTo("20.00");
        assertThat(page.at("/content/1/available").asBoolean()).isTrue();
        assertThat(page.at("/content/2/available").asBoolean()).isFalse();
    }

    @Test
    void listingTakesTwoStatementsWhateverThePageSize() {
        for (int i = 0; i < 30; i++) {
            catalog.create("N-" + i);
        }
        Statistics statistics =
                entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();

        assertThat(get("/api/v1/products?size=30&q=kettle").get("content").size())
                .isEqualTo(30);
        assertThat(statistics.getPrepareStatementCount()).isEqualTo(2);
    }

    @Test
    void batchReadIsCapped() {
        StringBuilder ids = new StringBuilder();
        for (int i = 0; i < 101; i++) {
            ids.append(i == 0 ? "" : ",").append(UUID.randomUUID());
        }
        catalog.anonymous
                .get()
                .uri("/api/v1/products?ids=" + ids)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("ids");
        catalog.anonymous
                .get()
                .uri("/api/v1/products?ids=not-a-uuid")
                .exchange()
                .expectStatus()
                .isBadRequest();
        // A blank id binds as null: refused, not a 500.
        catalog.anonymous
                .get()
                .uri("/api/v1/products?ids=" + UUID.randomUUID() + ", ")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void everyInvalidTokenIsRejected() {
        TokenMatrix.assertEveryInvalidTokenIsRejected("http://localhost:" + port + "/api/v1/products");
    }

    @Test
    void readinessIncludesTheDatabase() {
        catalog.anonymous
                .get()
                .uri("/actuator/health/readiness")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo("UP");
    }

    private JsonNode get(String uri) {
        byte[] body = catalog.anonymous
                .get()
                .uri(uri)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return CatalogFixtures.json.readTree(body);
    }

    private List<String> skus(String uri) {
        List<String> skus = new java.util.ArrayList<>();
        get(uri).get("content").forEach(product -> skus.add(product.get("sku").asString()));
        return skus;
    }
}
