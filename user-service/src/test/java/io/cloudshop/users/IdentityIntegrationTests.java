package io.cloudshop.users;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.common.messaging.ProcessedEvents;
import io.cloudshop.testsupport.TestInfrastructure;
import io.cloudshop.testsupport.TestTokens;
import io.cloudshop.testsupport.TestTopics;
import io.cloudshop.users.auth.Sessions;
import io.cloudshop.users.user.Role;
import io.cloudshop.users.user.UserAccounts;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Registration, login, tokens and account endpoints of user-service on a real PostgreSQL. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "eureka.client.enabled=false")
@Import(TestInfrastructure.class)
class IdentityIntegrationTests {

    static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ProcessedEvents processedEvents;

    @Autowired
    UserAccounts accounts;

    @Autowired
    Sessions sessions;

    @Autowired
    PlatformTransactionManager transactions;

    @Value("${spring.kafka.bootstrap-servers}")
    String kafka;

    final JsonMapper json = JsonMapper.builder().build();

    RestTestClient client;

    @DynamicPropertySource
    static void identity(DynamicPropertyRegistry registry) {
        IdentityFixtures.register(registry);
    }

    @BeforeEach
    void setUp() {
        client = RestTestClient.bindToServer()
                .baseUrl("http://localhost:" + port)
                .build();
    }

    @Test
    void migrationsAreApplied() {
        assertThat(jdbc.sql("select count(*) from flyway_schema_history where success")
                        .query(Integer.class)
                        .single())
                .isEqualTo(3);
    }

    @Test
    void registrationIsAnnouncedWithoutPersonalData() {
        String email = unique();
        String id = json.readTree(client.post()
                        .uri("/api/v1/users")
                        .contentType(MediaType.APPLICATION_JSON)
                        .body(registration(email, PASSWORD, "Grace"))
                        .exchange()
                        .expectStatus()
                        .isCreated()
                        .expectBody()
                        .returnResult()
                        .getResponseBody())
                .get("id")
                .asString();

        try (TestTopics topics = new TestTopics(kafka)) {
            List<ConsumerRecord<String, String>> records =
                    topics.read("users.events", id, java.time.Duration.ofSeconds(20));
            assertThat(records).hasSize(1);
            JsonNode event = json.readTree(records.getFirst().value());
            assertThat(event.get("type").asString()).isEqualTo("UserRegistered");
            assertThat(event.get("userId").asString()).isEqualTo(id);
            assertThat(records.getFirst().value()).doesNotContain(email).doesNotContain("Grace");
        }
    }

    @Test
    void registrationCreatesACustomerAndNeverReturnsTheHash() {
        String email = unique();
        client.post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body("""
                        {"email": "  %s  ", "password": "%s", "name": "Ada 🚀"}""".formatted(email.toUpperCase(), PASSWORD))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectHeader()
                .valueMatches("Location", "/api/v1/users/[0-9a-f-]{36}")
                .expectBody()
                .jsonPath("$.email")
                .isEqualTo(email)
                .jsonPath("$.roles[0]")
                .isEqualTo("CUSTOMER")
                .jsonPath("$.passwordHash")
                .doesNotExist()
                .jsonPath("$.password")
                .doesNotExist();

        String hash = jdbc.sql("select password_hash from users where email = ?")
                .param(email)
                .query(String.class)
                .single();
        assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
    }

    @Test
    void sameEmailInAnotherCaseIsTaken() {
        String email = unique();
        register(email);

        client.post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body(registration(email.toUpperCase(), PASSWORD, "Other"))
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.CONFLICT)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("EMAIL_TAKEN");
        assertThat(count(email)).isEqualTo(1);
    }

    @Test
    void shortPasswordIsRejectedAndNothingWritten() {
        String email = unique();
        expectInvalid(registration(email, "short", "Ada"), "password");
        assertThat(count(email)).isZero();
    }

    @Test
    void passwordEqualToTheEmailIsRejected() {
        String email = unique();
        expectInvalid(registration(email, email.toUpperCase(), "Ada"), "password");
        assertThat(count(email)).isZero();
    }

    @Test
    void roleInTheRegistrationIsRejectedNotIgnored() {
        String email = unique();
        expectInvalid("""
                {"email": "%s", "password": "%s", "name": "Ada", "roles": ["ADMIN"]}""".formatted(email, PASSWORD), "roles");
        assertThat(count(email)).isZero();
    }

    @Test
    void namesWithControlOrBidiOverrideCharactersAreRejected() {
        String email = unique();
        expectInvalid(registration(email, PASSWORD, "Ada\\u0000"), "name");
        expectInvalid(registration(email, PASSWORD, "Ada\\u202Egnp.exe"), "name");
        expectInvalid(registration(email, PASSWORD, "Ada\\ud800"), "name");
        assertThat(count(email)).isZero();
    }

    @Test
    void loginIssuesAnRs256TokenWithTheAgreedClaims() {
        String email = unique();
        String id = register(email);

        JsonNode tokens = login(email, PASSWORD);

        assertThat(tokens.get("token_type").asString()).isEqualTo("Bearer");
        assertThat(tokens.get("expires_in").asLong()).isEqualTo(900);
        String[] parts = tokens.get("access_token").asString().split("\\.");
        JsonNode header = json.readTree(Base64.getUrlDecoder().decode(parts[0]));
        JsonNode claims = json.readTree(Base64.getUrlDecoder().decode(parts[1]));
        assertThat(header.get("alg").asString()).isEqualTo("RS256");
        assertThat(header.get("kid").asString()).isEqualTo("test-key");
        assertThat(claims.get("sub").asString()).isEqualTo(id);
        assertThat(claims.get("iss").asString()).isEqualTo(TestTokens.ISSUER);
        assertThat(claims.get("aud").toString()).contains(TestTokens.AUDIENCE);
        assertThat(claims.get("roles").toString()).isEqualTo("[\"CUSTOMER\"]");
        assertThat(claims.get("exp").asLong() - claims.get("iat").asLong()).isEqualTo(900);
        assertThat(claims.has("jti")).isTrue();
    }

    @Test
    void wrongPasswordAndUnknownEmailAnswerAlike() {
        String email = unique();
        register(email);

        String wrongPassword = failedLogin(email, "not the password at all");
        String unknownEmail = failedLogin(unique(), PASSWORD);

        // Identical but for the trace id, which differs per request.
        assertThat(withoutTraceId(wrongPassword)).isEqualTo(withoutTraceId(unknownEmail));
        assertThat(wrongPassword).contains("INVALID_CREDENTIALS");
    }

    @Test
    void meAnswersWithTheTokensUser() {
        String email = unique();
        String id = register(email);
        String access = login(email, PASSWORD).get("access_token").asString();

        client.get()
                .uri("/api/v1/users/me")
                .header("Authorization", "Bearer " + access)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.id")
                .isEqualTo(id)
                .jsonPath("$.email")
                .isEqualTo(email);
    }

    @Test
    void renamingMeChangesOnlyTheName() {
        String email = unique();
        register(email);
        String access = login(email, PASSWORD).get("access_token").asString();

        client.patch()
                .uri("/api/v1/users/me")
                .header("Authorization", "Bearer " + access)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"Grace\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Grace");

        client.patch()
                .uri("/api/v1/users/me")
                .header("Authorization", "Bearer " + access)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"Mallory\", \"email\": \"mallory@example.com\"}")
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("email");
        assertThat(jdbc.sql("select name from users where email = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .isEqualTo("Grace");
    }

    @Test
    void meCarriesItsVersionAsETagAndAStaleIfMatchChangesNothing() {
        String email = unique();
        register(email);
        String access = login(email, PASSWORD).get("access_token").asString();
        String original = client.get()
                .uri("/api/v1/users/me")
                .header("Authorization", "Bearer " + access)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();
        assertThat(original).matches("\"\\d+\"");

        client.get()
                .uri("/api/v1/users/me")
                .header("Authorization", "Bearer " + access)
                .header("If-None-Match", original)
                .exchange()
                .expectStatus()
                .isNotModified();

        client.patch()
                .uri("/api/v1/users/me")
                .header("Authorization", "Bearer " + access)
                .header("If-Match", original)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"Grace\"}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value("ETag", etag -> assertThat(etag).isNotEqualTo(original));

        client.patch()
                .uri("/api/v1/users/me")
                .header("Authorization", "Bearer " + access)
                .header("If-Match", original)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"name\": \"Mallory\"}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.PRECONDITION_FAILED)
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("PRECONDITION_FAILED");
        assertThat(jdbc.sql("select name from users where email = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .isEqualTo("Grace");

        client.get()
                .uri("/api/v1/users/me")
                .header("Authorization", "Bearer " + access)
                .header("If-None-Match", original)
                .exchange()
                .expectStatus()
                .isOk();
    }

    @Test
    void adminChangesWithAStaleIfMatchAreRefused() {
        String id = register(unique());
        String admin = "Bearer "
                + login(IdentityFixtures.ADMIN_EMAIL, IdentityFixtures.ADMIN_PASSWORD)
                        .get("access_token")
                        .asString();
        String read = client.get()
                .uri("/api/v1/users/{id}", id)
                .header("Authorization", admin)
                .exchange()
                .expectStatus()
                .isOk()
                .returnResult(String.class)
                .getResponseHeaders()
                .getETag();

        client.patch()
                .uri("/api/v1/users/{id}", id)
                .header("Authorization", admin)
                .header("If-Match", read)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"enabled\": false}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectHeader()
                .value("ETag", etag -> assertThat(etag).isNotEqualTo(read));

        client.patch()
                .uri("/api/v1/users/{id}", id)
                .header("Authorization", admin)
                .header("If-Match", read)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"roles\": [\"ADMIN\"]}")
                .exchange()
                .expectStatus()
                .isEqualTo(HttpStatus.PRECONDITION_FAILED);
        assertThat(jdbc.sql("select count(*) from user_roles where user_id = ?::uuid and role = 'ADMIN'")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void emailsWithControlBidiOrBrokenCharactersAreRejectedAndEmojiNamesKept() {
        for (String email : List.of(
                "nul\\u0000" + unique(),
                "rtl\\u202E" + unique(),
                "half\\ud83d" + unique(),
                "smile\\ud83d\\ude00" + unique())) {
            expectInvalid(registration(email, PASSWORD, "Ada"), "email");
        }
        assertThat(jdbc.sql("select count(*) from users where email like 'nul%' or email like 'rtl%'"
                                + " or email like 'half%' or email like 'smile%'")
                        .query(Integer.class)
                        .single())
                .isZero();

        String email = unique();
        client.post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body(registration(email, PASSWORD, "Ada \\ud83d\\ude80"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .jsonPath("$.name")
                .isEqualTo("Ada \uD83D\uDE80");
        assertThat(jdbc.sql("select name from users where email = ?")
                        .param(email)
                        .query(String.class)
                        .single())
                .isEqualTo("Ada \uD83D\uDE80");
    }

    @Test
    void refreshRotatesAndTheOldTokenStopsWorking() {
        String email = unique();
        register(email);
        String first = login(email, PASSWORD).get("refresh_token").asString();

        JsonNode second = refresh(first, HttpStatus.OK);
        assertThat(second.get("refresh_token").asString()).isNotEqualTo(first);

        refresh(first, HttpStatus.UNAUTHORIZED);
    }

    @Test
    void reusingARotatedTokenRevokesTheWholeFamily() {
        String email = unique();
        register(email);
        String first = login(email, PASSWORD).get("refresh_token").asString();
        String second = refresh(first, HttpStatus.OK).get("refresh_token").asString();

        JsonNode reuse = refresh(first, HttpStatus.UNAUTHORIZED);
        assertThat(reuse.get("code").asString()).isEqualTo("INVALID_REFRESH_TOKEN");

        refresh(second, HttpStatus.UNAUTHORIZED);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        String email = unique();
        register(email);
        String refresh = login(email, PASSWORD).get("refresh_token").asString();

        client.post()
                .uri("/api/v1/auth/logout")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"refresh_token\": \"%s\"}".formatted(refresh))
                .exchange()
                .expectStatus()
                .isNoContent();

        refresh(refresh, HttpStatus.UNAUTHORIZED);
    }

    @Test
    void adminListsFiltersAndSortsUsers() {
        String email = unique();
        register(email);
        String admin = login(IdentityFixtures.ADMIN_EMAIL, IdentityFixtures.ADMIN_PASSWORD)
                .get("access_token")
                .asString();

        client.get()
                .uri("/api/v1/users?email={fragment}&role=CUSTOMER&sort=email,asc", email.substring(0, 12))
                .header("Authorization", "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.page.totalElements")
                .isEqualTo(1)
                .jsonPath("$.content[0].email")
                .isEqualTo(email);

        client.get()
                .uri("/api/v1/users")
                .header("Authorization", "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.page.size")
                .isEqualTo(20);

        client.get()
                .uri("/api/v1/users?email=%25")
                .header("Authorization", "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.page.totalElements")
                .isEqualTo(0);

        client.get()
                .uri("/api/v1/users?sort=passwordHash")
                .header("Authorization", "Bearer " + admin)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectBody()
                .jsonPath("$.errors[0].field")
                .isEqualTo("sort");
    }

    @Test
    void customerCannotUseAdminEndpoints() {
        String email = unique();
        String id = register(email);
        String access = login(email, PASSWORD).get("access_token").asString();

        client.get()
                .uri("/api/v1/users")
                .header("Authorization", "Bearer " + access)
                .exchange()
                .expectStatus()
                .isForbidden()
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("FORBIDDEN");
        client.patch()
                .uri("/api/v1/users/" + id)
                .header("Authorization", "Bearer " + access)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"roles\": [\"ADMIN\"]}")
                .exchange()
                .expectStatus()
                .isForbidden();
        assertThat(jdbc.sql("select count(*) from user_roles where user_id = ?::uuid and role = 'ADMIN'")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void adminGrantsRolesAndDisablesUsers() {
        String email = unique();
        String id = register(email);
        String admin = login(IdentityFixtures.ADMIN_EMAIL, IdentityFixtures.ADMIN_PASSWORD)
                .get("access_token")
                .asString();

        client.patch()
                .uri("/api/v1/users/" + id)
                .header("Authorization", "Bearer " + admin)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"enabled\": false}")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.enabled")
                .isEqualTo(false);

        assertThat(failedLogin(email, PASSWORD)).contains("INVALID_CREDENTIALS");
    }

    @Test
    void jwkSetPublishesOnlyPublicKeys() {
        client.get()
                .uri("/api/v1/auth/jwks")
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .jsonPath("$.keys[0].kid")
                .isEqualTo("test-key")
                .jsonPath("$.keys[0].kty")
                .isEqualTo("RSA")
                .jsonPath("$.keys[0].d")
                .doesNotExist()
                .jsonPath("$.keys[0].p")
                .doesNotExist();
    }

    private void expectInvalid(String body, String field) {
        client.post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body(body)
                .exchange()
                .expectStatus()
                .isBadRequest()
                .expectHeader()
                .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code")
                .isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[0].field")
                .isEqualTo(field)
                .jsonPath("$.traceId")
                .value(traceId -> assertThat(traceId.toString()).matches("[0-9a-f]{32}"));
    }

    private static String registration(String email, String password, String name) {
        return """
                {"email": "%s", "password": "%s", "name": "%s"}""".formatted(email, password, name);
    }

    @Test
    void expiredRefreshTokensAreDeletedAndOthersKept() {
        String expiring = "expiring-" + UUID.randomUUID() + "@example.com";
        String lasting = "lasting-" + UUID.randomUUID() + "@example.com";
        UUID expiringId = UUID.fromString(register(expiring));
        UUID lastingId = UUID.fromString(register(lasting));
        String spent = login(expiring, PASSWORD).get("refresh_token").asString();
        refresh(spent, HttpStatus.OK); // a rotated token, kept for reuse detection until it expires
        login(lasting, PASSWORD);
        jdbc.sql("update refresh_tokens set expires_at = now() - interval '1 minute' where user_id = ?")
                .param(expiringId)
                .update();

        assertThat(sessions.forgetExpired()).isGreaterThanOrEqualTo(2);

        assertThat(tokensOf(expiringId)).isZero();
        assertThat(tokensOf(lastingId)).isEqualTo(1);
        refresh(spent, HttpStatus.UNAUTHORIZED);
    }

    private int tokensOf(UUID userId) {
        return jdbc.sql("select count(*) from refresh_tokens where user_id = ?")
                .param(userId)
                .query(Integer.class)
                .single();
    }

    @Test
    void adminBootstrapNeverPromotesAnAccountRegisteredThroughTheApi() {
        String email = "would-be-admin-" + UUID.randomUUID() + "@example.com";
        register(email);

        // As on a shop that has no admin yet; rolled back, so the other tests keep theirs.
        new TransactionTemplate(transactions).executeWithoutResult(transaction -> {
            jdbc.sql("delete from user_roles where role = 'ADMIN'").update();

            assertThat(accounts.bootstrapAdmin(email, "the operator's own password"))
                    .isFalse();
            assertThat(accounts.findByEmail(email).orElseThrow().roles()).containsExactly(Role.CUSTOMER);
            transaction.setRollbackOnly();
        });
        assertThat(login(email, PASSWORD).get("access_token").asString()).isNotEmpty();
    }

    private String register(String email) {
        byte[] body = client.post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .body(registration(email, PASSWORD, "Ada"))
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return json.readTree(body).get("id").asString();
    }

    private JsonNode login(String email, String password) {
        byte[] body = client.post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password))
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody()
                .returnResult()
                .getResponseBody();
        return json.readTree(body);
    }

    private String failedLogin(String email, String password) {
        return client.post()
                .uri("/api/v1/auth/token")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"email\": \"%s\", \"password\": \"%s\"}".formatted(email, password))
                .exchange()
                .expectStatus()
                .isUnauthorized()
                .expectBody(String.class)
                .returnResult()
                .getResponseBody();
    }

    private JsonNode refresh(String token, HttpStatus expected) {
        byte[] body = client.post()
                .uri("/api/v1/auth/refresh")
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"refresh_token\": \"%s\"}".formatted(token))
                .exchange()
                .expectStatus()
                .isEqualTo(expected)
                .expectBody()
                .returnResult()
                .getResponseBody();
        return json.readTree(body);
    }

    private int count(String email) {
        return jdbc.sql("select count(*) from users where lower(email) = lower(?)")
                .param(email)
                .query(Integer.class)
                .single();
    }

    private JsonNode withoutTraceId(String problem) {
        tools.jackson.databind.node.ObjectNode node = (tools.jackson.databind.node.ObjectNode) json.readTree(problem);
        node.remove("traceId");
        return node;
    }

    /** A producer only: common's idempotency ledger is not in this schema, and its hourly pruning must not fail. */
    @Test
    void pruningTheProcessedEventsLedgerIsANoOpWithoutOne() {
        assertThat(processedEvents.forgetOlderThan(java.time.Duration.ofDays(30)))
                .isZero();
    }

    private static String unique() {
        return "user-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
