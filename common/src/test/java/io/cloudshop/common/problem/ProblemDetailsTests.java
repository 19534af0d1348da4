package io.cloudshop.common.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TestTokens;
import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
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
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
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

    @RestController
    @Validated
    static class ThingController {

        @PostMapping("/things")
        NewThing create(@Valid @RequestBody NewThing thing) {
            return thing;
        }

        @GetMapping("/things")
        String list(@RequestParam(defaultValue = "10") @Max(100) int limit) {
            return "ok " + limit;
        }

        @GetMapping("/things/taken")
        String taken() {
            throw new ApiException(HttpStatus.CONFLICT, "THING_TAKEN", "That thing is taken.");
        }

        @GetMapping("/things/weak")
        String weak() {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "VALIDATION_FAILED",
                    "The request has invalid values.",
                    java.util.List.of(new Problems.FieldError("password", "is too short")));
        }

        @GetMapping("/things/broken")
        String broken() {
            throw new IllegalStateException("secret-internal-state");
        }
    }
}
