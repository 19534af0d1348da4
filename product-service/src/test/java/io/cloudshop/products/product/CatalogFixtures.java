package io.cloudshop.products.product;

import io.cloudshop.testsupport.TestTokens;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Products created through the admin API, as an admin would, for the catalog's integration tests. */
final class CatalogFixtures {

    /** The same for every catalog test class, so they share one application context. */
    static final String PROPERTIES = "spring.jpa.properties.hibernate.generate_statistics=true";

    static final JsonMapper json = JsonMapper.builder().build();

    final RestTestClient anonymous;
    final RestTestClient admin;
    final RestTestClient customer;
    final JdbcClient jdbc;

    CatalogFixtures(int port, JdbcClient jdbc) {
        String base = "http://localhost:" + port;
        this.anonymous = RestTestClient.bindToServer().baseUrl(base).build();
        this.admin = RestTestClient.bindToServer()
                .baseUrl(base)
                .defaultHeader("Authorization", "Bearer " + TestTokens.admin(UUID.randomUUID()))
                .build();
        this.customer = RestTestClient.bindToServer()
                .baseUrl(base)
                .defaultHeader("Authorization", "Bearer " + TestTokens.customer(UUID.randomUUID()))
                .build();
        this.jdbc = jdbc;
    }

    void clear() {
        jdbc.sql("delete from products").update();
    }

    static String product(String sku, String name, String description, String category, String amount, int stock) {
        return """
                {"sku": "%s", "name": "%s", "description": "%s", "category": "%s",
                 "price": {"amount": %s, "currency": "EUR"}, "stock": %d}""".formatted(sku, name, description, category, amount, stock);
    }

    /** Creates a product and returns its id. */
    UUID create(String sku, String name, String description, String category, String amount, int stock) {
        byte[] body = admin.post()
                .uri("/api/v1/products")
                .contentType(MediaType.APPLICATION_JSON)
                .body(product(sku, name, description, category, amount, stock))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return UUID.fromString(json.readTree(body).get("id").asString());
    }

    UUID create(String sku) {
        return create(sku, "Kettle " + sku, "A kettle.", "kitchen", "12.50", 3);
    }

    String etag(UUID id) {
        return anonymous
                .get()
                .uri("/api/v1/products/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
    }

    JsonNode read(UUID id) {
        byte[] body = anonymous
                .get()
                .uri("/api/v1/products/{id}", id)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return json.readTree(body);
    }

    int stockInDatabase(UUID id) {
        return jdbc.sql("select stock from products where id = ?")
                .param(id)
                .query(Integer.class)
                .single();
    }
}
