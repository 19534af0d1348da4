package io.cloudshop.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TestTokens;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Every error path of a servlet service answers with the same problem+json shape. */
@SpringBootTest(
        classes = ProblemDetailsTests.TestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"cloudshop.json.max-document-length=100KB", "cloudshop.json.max-string-length=1000"})
@Import(TestInfrastructure.class)
class ProblemDetailsTests {

    @LocalServerPort
    int port;

    RestTestClient client;

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .defaultHeader("Authorization", "Bearer " + TestTokens.customer(UUID.randomUUID()))
                .build();
    }

    @Test
    void unknownPathIsNotFoundProblem() {
        client.get()
                .uri("/nowhere")
                .exchange()
                .expectStatus()
                .isNotFound()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status")
                .isEqualTo(404)
                .jsonPath("$.code")
                .isEqualTo("NOT_FOUND")
                .jsonPath("$.type")
                .isEqualTo("https://cloudshop.io/problems/not-found")
                .jsonPath("$.instance")
                .isEqualTo("/nowhere");
    }

    @Test
    void wrongMethodIsMethodNotAllowedProblemWithAllowHeader() {
        client.delete()
                .uri("/things")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.METHOD_NOT_ALLOWED)
                .expectHeader()
                .valueMatches("Allow", ".*POST.*")
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("METHOD_NOT_ALLOWED");
    }

    @Test
    void wrongContentTypeIsUnsupportedMediaTypeProblem() {
        client.post()
                .uri("/things")
                .contentType(MediaType.TEXT_PLAIN)
                .body("name=x")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void malformedJsonIsBadRequestWithoutParserDetails() {
        client.post()
                .uri("/things")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": ")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("MALFORMED_REQUEST")
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).doesNotContain("jackson", "Exception"));
    }

    @Test
    void bodyLargerThanTheDocumentLimitIsContentTooLarge() {
        String huge = "{\"name\": \"x\"" + " ".repeat(150_000) + "}";

        client.post()
                .uri("/things")
                .contentType(MediaType.APPLICATION_JSON)
                .body(huge)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("PAYLOAD_TOO_LARGE");
    }

    @Test
    void deeplyNestedBodyIsRefusedByTheParser() {
        String nested = "{\"any\": " + "[".repeat(40) + "]".repeat(40) + "}";

        assertLimitExceeded(nested, "nests objects or arrays deeper");
    }

    @Test
    void overlongStringIsRefusedByTheParser() {
        assertLimitExceeded("{\"any\": \"" + "x".repeat(1_001) + "\"}", "string longer than allowed");
    }

    @Test
    void overlongNumberIsRefusedByTheParser() {
        assertLimitExceeded("{\"any\": " + "9".repeat(101) + "}", "number with more digits");
    }

    private void assertLimitExceeded(String body, String detail) {
        client.post()
                .uri("/documents")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("INPUT_LIMIT_EXCEEDED")
                .jsonPath("$.detail")
                .value(text -> assertThat(text.toString()).contains(detail).doesNotContain("StreamReadConstraints"));
    }

    @Test
    void invalidBodyListsFieldErrors() {
        client.post()
                .uri("/things")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"  \"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("name")
                .jsonPath("$.errors[0].message")
                .isNotEmpty();
    }

    @Test
    void fieldErrorsNameMembersAsTheClientWroteThem() {
        client.post()
                .uri("/renamed")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"refresh_token\": \" \", \"parts\": [{\"unit_count\": 1}, {\"unit_count\": 0}]}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[*].field")
                .value(fields -> assertThat(fields)
                        .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                        .containsExactlyInAnyOrder("refresh_token", "parts[1].unit_count"));
    }

    @Test
    void unknownPropertyIsRejectedNotIgnored() {
        client.post()
                .uri("/things")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"kettle\", \"role\": \"ADMIN\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("role");
    }

    @Test
    void wrongTypeNamesTheField() {
        client.post()
                .uri("/things")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": {\"nested\": true}}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("name");
    }

    @Test
    void apiExceptionCarriesFieldErrors() {
        client.get()
                .uri("/things/weak")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("password");
    }

    @Test
    void invalidParameterListsIt() {
        client.get()
                .uri("/things?limit=500")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
    }

    @Test
    void unparseableParameterIsValidationProblem() {
        client.get()
                .uri("/things?limit=many")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("limit");
    }

    @Test
    void apiExceptionKeepsItsStatusAndCode() {
        client.get()
                .uri("/things/taken")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("THING_TAKEN")
                .jsonPath("$.detail")
                .isEqualTo("That thing is taken.");
    }

    @Test
    void lostOptimisticLockIsConflictProblem() {
        client.get()
                .uri("/things/raced")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("CONCURRENT_UPDATE")
                .jsonPath("$.detail")
                .value(detail -> assertThat(detail.toString()).doesNotContain("Thing"));
    }

    @Test
    void unreachableDatabaseIsServiceUnavailableWithRetryAfter() {
        for (String path : java.util.List.of("/things/stored", "/things/queried")) {
            client.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectHeader()
                    .valueEquals("Retry-After", "5")
                    .expectBody(String.class)
                    .value(body -> assertThat(body)
                            .as(path)
                            .contains("\"code\":\"DATABASE_UNAVAILABLE\"", "\"status\":503")
                            .doesNotContain("127.0.0.1", "jdbc", "Exception", "Hikari"));
        }
    }

    @Test
    void aServicesOwn503SaysWhenToRetryAndOtherRefusalsDoNot() {
        client.get()
                .uri("/things/away")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                .expectHeader()
                .valueEquals("Retry-After", "5")
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("CATALOG_UNAVAILABLE");
        client.get()
                .uri("/things/taken")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectHeader()
                .doesNotExist("Retry-After");
    }

    @Test
    void aConnectionLostMidStatementOrRollbackIsServiceUnavailableButOtherDataAccessFailuresAreNot() {
        for (String path : List.of("/things/crashed", "/things/unrolled", "/things/evicted")) {
            client.get()
                    .uri(path)
                    .exchange()
                    .expectStatus()
                    .isEqualTo(HttpStatus.SERVICE_UNAVAILABLE)
                    .expectHeader()
                    .valueEquals("Retry-After", "5")
                    .expectBody(String.class)
                    .value(body -> assertThat(body)
                            .as(path)
                            .contains("\"code\":\"DATABASE_UNAVAILABLE\"")
                            .doesNotContain("postmaster", "connection has been closed", "Exception"));
        }
        client.get()
                .uri("/things/misspelt")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectBody(String.class)
                .value(body ->
                        assertThat(body).contains("\"code\":\"INTERNAL_ERROR\"").doesNotContain("thngs"));
    }

    @Test
    void textThatCannotBeStoredIsRefusedInAnyBodyMember() {
        // NUL (PostgreSQL text cannot hold it) and an unpaired surrogate (no UTF-8 encoding), at the top and nested.
        for (String body : List.of(
                "{\"name\": \"ab\\u0000c\"}",
                "{\"name\": \"ab\\ud800c\"}",
                "{\"name\": \"ab\\udc00\"}",
                "{\"name\": \"x\", \"count\": 1, \"price\": 1, \"tags\": [\"ok\", \"\\u0000\"]}")) {
            client.post()
                    .uri(body.contains("tags") ? "/quotes" : "/things")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange()
                    .expectBody(String.class)
                    .value(System.out::println);
            client.post()
                    .uri(body.contains("tags") ? "/quotes" : "/things")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("VALIDATION_FAILED")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo(body.contains("tags") ? "tags" : "name")
                    .jsonPath("$.errors[0].message")
                    .isEqualTo("contains invalid characters");
        }
    }

    @Test
    void pairedSurrogatesAndOrdinaryControlCharactersAreStorableText() {
        client.post()
                .uri("/things")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"kettle \\ud83d\\ude00\\ttab\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("kettle \ud83d\ude00\ttab");
    }

    @Test
    void textThatCannotBeStoredIsRefusedInQueryParametersAndPathVariables() {
        for (String uri : List.of("/things/search?q=a%00b", "/things/search?q=%F0%9F%98%80&q=a%00b")) {
            client.get()
                    .uri(java.net.URI.create("http://localhost:" + port + uri))
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectHeader()
                    .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("VALIDATION_FAILED")
                    .jsonPath("$.errors[0].message")
                    .isEqualTo("contains invalid characters");
        }
        client.get().uri("/things/search?q=kettle").exchange().expectStatus().isOk();
        // Escapes that are not UTF-8 (an encoded surrogate): the container cannot decode them, which is a 400 too.
        client.get()
                .uri(java.net.URI.create("http://localhost:" + port + "/things/search?q=%ED%A0%80"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("MALFORMED_REQUEST");
        // A control character in a parameter's name is refused by Spring Security's firewall as it is read.
        client.get()
                .uri(java.net.URI.create("http://localhost:" + port + "/things/search?q=ok&q%00=x"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("REQUEST_REJECTED");
        // The firewall's refusals before any handler is chosen are 400 problems too, not 500s (an encoded NUL in the
        // path never gets that far: Tomcat refuses it itself).
        client.get()
                .uri(java.net.URI.create("http://localhost:" + port + "/things/named/a%25b"))
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("REQUEST_REJECTED");
    }

    @Test
    void decimalWithAHugeScaleOrExponentIsRefusedAsParameterAndAsMember() {
        for (String value : List.of("1e-20000", "1e20000", "1e-101")) {
            client.get()
                    .uri("/things/priced?min={min}", value)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("VALIDATION_FAILED")
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("min");
            client.post()
                    .uri("/quotes")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body("{\"name\": \"x\", \"count\": 1, \"price\": " + value + "}")
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.errors[0].field")
                    .isEqualTo("price")
                    .jsonPath("$.errors[0].message")
                    .isEqualTo("has too many decimal places or too large an exponent");
        }
        client.get()
                .uri("/things/priced?min=12.50")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("from 12.50");
        client.get()
                .uri("/things/priced?min=")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(String.class)
                .isEqualTo("from any");
    }

    @Test
    void nothingIsReinterpreted() {
        // A fraction is not an integer, a string is not a number, a number is not a string, a member counts once.
        for (String body : List.of(
                "{\"name\": \"x\", \"count\": 1.5, \"price\": 1}",
                "{\"name\": \"x\", \"count\": \"5\", \"price\": 1}",
                "{\"name\": \"x\", \"count\": 5, \"price\": \"1\"}",
                "{\"name\": 5, \"count\": 5, \"price\": 1}",
                "{\"name\": \"x\", \"count\": 5, \"price\": 1, \"gift\": \"true\"}")) {
            client.post()
                    .uri("/quotes")
                    .contentType(MediaType.APPLICATION_JSON)
                    .body(body)
                    .exchange()
                    .expectStatus()
                    .isBadRequest()
                    .expectBody()
                    .jsonPath("$.code")
                    .isEqualTo("VALIDATION_FAILED")
                    .jsonPath("$.errors[0].message")
                    .isEqualTo("has the wrong type or format");
        }
        client.post()
                .uri("/quotes")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"x\", \"count\": 1, \"count\": 1000, \"price\": 1}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("MALFORMED_REQUEST")
                .jsonPath("$.detail")
                .isEqualTo("The request body has a member more than once in one object.");
        client.post()
                .uri("/quotes")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"x\", \"count\": 2, \"price\": 1.25, \"gift\": true}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.count")
                .isEqualTo(2);
    }

    @Test
    void unexpectedErrorLeaksNothing() {
        client.get()
                .uri("/things/broken")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody(String.class)
                .value(body -> assertThat(body)
                        .contains("\"code\":\"INTERNAL_ERROR\"")
                        .doesNotContain("secret-internal-state", "IllegalStateException", "stackTrace"));
    }

    @Test
    void errorRaisedOutsideSpringMvcIsProblemToo() {
        client.get()
                .uri("/filtered")
                .accept(MediaType.TEXT_HTML)
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.FORBIDDEN)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FORBIDDEN")
                .jsonPath("$.instance")
                .isEqualTo("/filtered");
    }

    @SpringBootApplication
    static class TestApplication {

        @Bean
        Filter forbiddingFilter() {
            return (request, response, chain) -> {
                if (((jakarta.servlet.http.HttpServletRequest) request)
                        .getRequestURI()
                        .equals("/filtered")) {
                    ((HttpServletResponse) response).sendError(403);
                    return;
                }
                chain.doFilter(request, response);
            };
        }

        @Bean
        ThingController thingController() {
            return new ThingController();
        }
    }

    record NewThing(@NotBlank String name) {}

    record Renamed(
            @com.fasterxml.jackson.annotation.JsonProperty("refresh_token") @NotBlank
            String refreshToken,

            @jakarta.validation.Valid List<Part> parts) {

        record Part(
                @com.fasterxml.jackson.annotation.JsonProperty("unit_count") @jakarta.validation.constraints.Min(1)
                int unitCount) {}
    }

    record Quote(
            String name,
            int count,
            java.math.BigDecimal price,
            @org.jspecify.annotations.Nullable Boolean gift,
            @org.jspecify.annotations.Nullable List<String> tags) {}

    @RestController
    @Validated
    static class ThingController {

        @PostMapping("/things")
        NewThing create(@Valid @RequestBody NewThing thing) {
            return thing;
        }

        @PostMapping("/renamed")
        Renamed renamed(@Valid @RequestBody Renamed renamed) {
            return renamed;
        }

        @PostMapping("/documents")
        java.util.Map<String, Object> echo(@RequestBody java.util.Map<String, Object> document) {
            return document;
        }

        @GetMapping("/things")
        String list(@RequestParam(defaultValue = "10") @Max(100) int limit) {
            return "ok " + limit;
        }

        @PostMapping("/quotes")
        Quote quote(@RequestBody Quote quote) {
            return quote;
        }

        @GetMapping("/things/search")
        String search(@RequestParam String q) {
            return "found " + q;
        }

        @GetMapping("/things/named/{name}")
        String named(@org.springframework.web.bind.annotation.PathVariable String name) {
            return "named " + name;
        }

        @GetMapping("/things/priced")
        String priced(@RequestParam(required = false) java.math.@org.jspecify.annotations.Nullable BigDecimal min) {
            return "from " + (min != null ? min.toPlainString() : "any");
        }

        @GetMapping("/things/taken")
        String taken() {
            throw new ApiException(HttpStatus.CONFLICT, "THING_TAKEN", "That thing is taken.");
        }

        @GetMapping("/things/away")
        String away() {
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "CATALOG_UNAVAILABLE", "The catalog is away.");
        }

        @GetMapping("/things/weak")
        String weak() {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "VALIDATION_FAILED",
                    "The request has invalid values.",
                    java.util.List.of(new Problems.FieldError("password", "is too short")));
        }

        /** A pool whose database refuses connections (nothing listens on port 1): a real outage, 250 ms each. */
        static final javax.sql.DataSource UNREACHABLE = unreachable();

        static javax.sql.DataSource unreachable() {
            com.zaxxer.hikari.HikariConfig config = new com.zaxxer.hikari.HikariConfig();
            config.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/things");
            config.setConnectionTimeout(250);
            config.setInitializationFailTimeout(-1);
            return new com.zaxxer.hikari.HikariDataSource(config);
        }

        /** A transaction that cannot begin: Spring's CannotCreateTransactionException. */
        @GetMapping("/things/stored")
        String stored() {
            return new org.springframework.transaction.support.TransactionTemplate(
                            new org.springframework.jdbc.support.JdbcTransactionManager(UNREACHABLE))
                    .execute(status -> "never");
        }

        /** A query without a transaction: Spring's CannotGetJdbcConnectionException. */
        @GetMapping("/things/queried")
        String queried() {
            return new org.springframework.jdbc.core.JdbcTemplate(UNREACHABLE).queryForObject("select 1", String.class);
        }

        @GetMapping("/things/raced")
        String raced() {
            throw new org.springframework.dao.OptimisticLockingFailureException(
                    "Row was updated by another transaction: Thing#42");
        }

        /** PostgreSQL crashed mid-statement: Hibernate reports it as a generic JDBC error. */
        @GetMapping("/things/crashed")
        String crashed() {
            throw new org.springframework.jdbc.UncategorizedSQLException(
                    "insert",
                    "insert into things values (?)",
                    new java.sql.SQLException(
                            "FATAL: terminating connection due to unexpected postmaster exit", "57P01"));
        }

        /** The rollback after it, on a connection the server closed. */
        @GetMapping("/things/unrolled")
        String unrolled() {
            throw new org.springframework.transaction.TransactionSystemException(
                    "Unable to rollback against JDBC Connection",
                    new java.sql.SQLException("This connection has been closed.", "08003"));
        }

        /** The same on a connection the pool has already evicted: HikariCP's exception has no SQL state. */
        @GetMapping("/things/evicted")
        String evicted() {
            throw new org.springframework.transaction.TransactionSystemException(
                    "Unable to rollback against JDBC Connection", new java.sql.SQLException("Connection is closed"));
        }

        /** A data-access failure with the connection intact (an undefined table): a bug, not an outage. */
        @GetMapping("/things/misspelt")
        String misspelt() {
            throw new org.springframework.jdbc.UncategorizedSQLException(
                    "select",
                    "select * from thngs",
                    new java.sql.SQLException("ERROR: relation \"thngs\" does not exist", "42P01"));
        }

        @GetMapping("/things/broken")
        String broken() {
            throw new IllegalStateException("secret-internal-state");
        }
    }
}
