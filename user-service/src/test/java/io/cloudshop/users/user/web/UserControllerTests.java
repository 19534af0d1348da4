package io.cloudshop.users.user.web;

import static io.cloudshop.testsupport.WebSlices.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.isNull;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

import io.cloudshop.testsupport.TestTokens;
import io.cloudshop.testsupport.TestTokensConfiguration;
import io.cloudshop.users.user.Role;
import io.cloudshop.users.user.User;
import io.cloudshop.users.user.UserAccounts;
import io.cloudshop.users.user.UserFixtures;
import io.cloudshop.users.user.UserRefusals;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The user API over Spring MVC alone: its validation, the answers {@link UserProblems} gives the use case's refusals,
 * the mapping of its results, and who may call what (registration is public, the rest needs a token, the
 * administration an admin's), with common's problem details and bearer-token security exactly as in production. The
 * use case is a mock; its behaviour is the integration tests' subject.
 */
@WebMvcTest(UserController.class)
@Import(TestTokensConfiguration.class)
class UserControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    UserAccounts accounts;

    final User ann = UserFixtures.customer("ann@example.com", "Ann Lee", 3);
    final UUID admin = UUID.randomUUID();

    static Stream<Arguments> endpointsNeedingAToken() {
        UUID id = UUID.randomUUID();
        return Stream.of(
                Arguments.of("GET", "/api/v1/users/me"),
                Arguments.of("PATCH", "/api/v1/users/me"),
                Arguments.of("GET", "/api/v1/users"),
                Arguments.of("GET", "/api/v1/users/" + id),
                Arguments.of("PATCH", "/api/v1/users/" + id));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("endpointsNeedingAToken")
    void everyEndpointButRegistrationNeedsAToken(String method, String path) {
        MvcTestResult result = mvc.method(HttpMethod.valueOf(method))
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Ann\"}")
                .exchange();

        assertProblem(result, HttpStatus.UNAUTHORIZED).isLenientlyEqualTo("""
                {"code": "UNAUTHORIZED"}""");
        verifyNoInteractions(accounts);
    }

    static Stream<Arguments> adminEndpoints() {
        UUID id = UUID.randomUUID();
        return Stream.of(
                Arguments.of("GET", "/api/v1/users"),
                Arguments.of("GET", "/api/v1/users/" + id),
                Arguments.of("PATCH", "/api/v1/users/" + id));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("adminEndpoints")
    void theAdministrationIsForbiddenToCustomers(String method, String path) {
        MvcTestResult result = mvc.method(HttpMethod.valueOf(method))
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(ann.id()))
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"enabled\": false}")
                .exchange();

        assertProblem(result, HttpStatus.FORBIDDEN).isLenientlyEqualTo("""
                {"code": "FORBIDDEN"}""");
        verifyNoInteractions(accounts);
    }

    static Stream<Arguments> invalidRegistrations() {
        return Stream.of(
                Arguments.of("no email", registration(null, "Ann Lee", "a long password"), "email"),
                Arguments.of("a blank email", registration(" ", "Ann Lee", "a long password"), "email"),
                Arguments.of("not an email", registration("ann.example.com", "Ann Lee", "a long password"), "email"),
                Arguments.of("no name", registration("ann@example.com", null, "a long password"), "name"),
                Arguments.of("a blank name", registration("ann@example.com", " ", "a long password"), "name"),
                Arguments.of(
                        "a name of two lines", registration("ann@example.com", "Ann\\nLee", "a long password"), "name"),
                Arguments.of("a name of 201 characters", registration("ann@example.com", "a".repeat(201), "x"), "name"),
                Arguments.of("no password", registration("ann@example.com", "Ann Lee", null), "password"),
                Arguments.of(
                        "a password of 1025 characters",
                        registration("ann@example.com", "Ann Lee", "p".repeat(1025)),
                        "password"),
                Arguments.of(
                        "roles, which only an admin grants",
                        "{\"email\": \"ann@example.com\", \"name\": \"Ann\", \"password\": \"a long password\","
                                + " \"roles\": [\"ADMIN\"]}",
                        "roles"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRegistrations")
    void anInvalidRegistrationIsRefusedNamingTheFieldAndRegistersNobody(String kind, String body, String field) {
        MvcTestResult result = register(body);

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "%s"}]}""".formatted(field));
        verifyNoInteractions(accounts);
    }

    @Test
    void registrationNeedsNoToken() {
        given(accounts.register(anyString(), anyString(), anyString())).willReturn(ann);

        MvcTestResult result = register(registration("ann@example.com", "Ann Lee", "a long password"));

        assertThat(result).hasStatus(HttpStatus.CREATED);
    }

    @Test
    void aRegisteredUserIsCreatedAtTheirOwnLocation() {
        given(accounts.register(anyString(), anyString(), anyString())).willReturn(ann);

        MvcTestResult result = register(registration("ann@example.com", "Ann Lee", "a long password"));

        assertThat(result).hasHeader(HttpHeaders.LOCATION, "/api/v1/users/" + ann.id());
    }

    @Test
    void aRegisteredUserIsShownWithoutTheirPassword() {
        given(accounts.register(anyString(), anyString(), anyString())).willReturn(ann);

        MvcTestResult result = register(registration("ann@example.com", "Ann Lee", "a long password"));

        assertThat(result)
                .bodyJson()
                .isLenientlyEqualTo("""
                        {"id": "%s", "email": "ann@example.com", "name": "Ann Lee", "roles": ["CUSTOMER"],
                         "enabled": true}""".formatted(ann.id()))
                .doesNotHavePath("$.passwordHash")
                .doesNotHavePath("$.password");
    }

    @Test
    void theRegistrationPassesTheEmailWithoutSurroundingBlanks() {
        given(accounts.register(anyString(), anyString(), anyString())).willReturn(ann);

        register(registration("  ann@example.com ", "Ann Lee", "a long password"));

        then(accounts).should().register("ann@example.com", "Ann Lee", "a long password");
    }

    @Test
    void aTakenEmailIsAConflict() {
        given(accounts.register(anyString(), anyString(), anyString())).willThrow(UserRefusals.emailTaken());

        MvcTestResult result = register(registration("ann@example.com", "Ann Lee", "a long password"));

        assertProblem(result, HttpStatus.CONFLICT).isLenientlyEqualTo("""
                {"code": "EMAIL_TAKEN", "detail": "An account with this email already exists."}""");
    }

    @Test
    void aWeakPasswordIsRefusedLikeAnInvalidField() {
        given(accounts.register(anyString(), anyString(), anyString()))
                .willThrow(UserRefusals.weakPassword("must not be the email address"));

        MvcTestResult result = register(registration("ann@example.com", "Ann Lee", "ann@example.com"));

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED",
                 "errors": [{"field": "password", "message": "must not be the email address"}]}""");
    }

    @Test
    void theCallerSeesThemselves() {
        given(accounts.get(ann.id())).willReturn(ann);

        MvcTestResult result = asCustomer(mvc.get().uri("/api/v1/users/me"));

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"id": "%s", "email": "ann@example.com", "name": "Ann Lee"}""".formatted(ann.id()));
    }

    @Test
    void theCallersVersionIsTheirETag() {
        given(accounts.get(ann.id())).willReturn(ann);

        MvcTestResult result = asCustomer(mvc.get().uri("/api/v1/users/me"));

        assertThat(result).hasHeader(HttpHeaders.ETAG, "\"3\"");
    }

    @Test
    void aReadOfAnUnchangedVersionIsNotModified() {
        given(accounts.get(ann.id())).willReturn(ann);

        MvcTestResult result = asCustomer(mvc.get().uri("/api/v1/users/me").header(HttpHeaders.IF_NONE_MATCH, "\"3\""));

        assertThat(result).hasStatus(HttpStatus.NOT_MODIFIED);
    }

    @Test
    void aCallerWhoseAccountIsGoneIsNotFound() {
        given(accounts.get(ann.id())).willThrow(UserRefusals.notFound());

        MvcTestResult result = asCustomer(mvc.get().uri("/api/v1/users/me"));

        assertProblem(result, HttpStatus.NOT_FOUND).isLenientlyEqualTo("""
                {"code": "NOT_FOUND", "detail": "No such user."}""");
    }

    static Stream<Arguments> invalidRenames() {
        return Stream.of(
                Arguments.of("no name", "{}", "name"),
                Arguments.of("a blank name", "{\"name\": \"  \"}", "name"),
                Arguments.of("a name with a control character", "{\"name\": \"Ann\\u0007\"}", "name"),
                Arguments.of("a name of 201 characters", "{\"name\": \"" + "a".repeat(201) + "\"}", "name"),
                Arguments.of(
                        "an email, which cannot be changed",
                        "{\"name\": \"Ann\", \"email\": \"x@example.com\"}",
                        "email"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidRenames")
    void anInvalidRenameIsRefusedNamingTheFieldAndChangesNothing(String kind, String body, String field) {
        MvcTestResult result = asCustomer(mvc.patch()
                .uri("/api/v1/users/me")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "%s"}]}""".formatted(field));
        verifyNoInteractions(accounts);
    }

    @Test
    void theCallerRenamesThemselvesAtTheVersionTheyRead() {
        given(accounts.rename(ann.id(), "Ann Smith", 3L)).willReturn(ann);

        MvcTestResult result = rename("\"3\"", "Ann Smith");

        assertThat(result).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"3\"");
    }

    @Test
    void aRenameWithoutIfMatchChangesWhateverIsCurrent() {
        given(accounts.rename(ann.id(), "Ann Smith", null)).willReturn(ann);

        MvcTestResult result = asCustomer(mvc.patch()
                .uri("/api/v1/users/me")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"Ann Smith\"}"));

        assertThat(result).hasStatusOk();
    }

    @Test
    void aRenameOfAnOlderVersionIsAFailedPrecondition() {
        given(accounts.rename(any(), anyString(), any())).willThrow(UserRefusals.versionMismatch());

        MvcTestResult result = rename("\"2\"", "Ann Smith");

        assertProblem(result, HttpStatus.PRECONDITION_FAILED).isLenientlyEqualTo("""
                {"code": "PRECONDITION_FAILED",
                 "detail": "The resource has changed since the version in If-Match. Read it again and retry."}""");
    }

    @Test
    void anIfMatchThatCanMatchNoVersionIsAFailedPreconditionAndChangesNothing() {
        MvcTestResult result = rename("W/\"3\"", "Ann Smith");

        assertProblem(result, HttpStatus.PRECONDITION_FAILED).isLenientlyEqualTo("""
                {"code": "PRECONDITION_FAILED"}""");
        verifyNoInteractions(accounts);
    }

    static Stream<Arguments> invalidSearches() {
        return Stream.of(
                Arguments.of("page=-1", "page"),
                Arguments.of("size=0", "size"),
                Arguments.of("size=101", "size"),
                Arguments.of("sort=name", "sort"),
                Arguments.of("role=ROOT", "role"),
                Arguments.of("email=" + "a".repeat(321), "email"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidSearches")
    void anInvalidSearchIsRefusedNamingTheParameter(String query, String parameter) {
        MvcTestResult result = asAdmin(mvc.get().uri("/api/v1/users?" + query));

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "%s"}]}""".formatted(parameter));
        verifyNoInteractions(accounts);
    }

    @Test
    void anAdminSearchesUsersInPages() {
        given(accounts.search(isNull(), isNull(), any()))
                .willReturn(new PageImpl<>(List.of(ann), PageRequest.of(0, 20), 1));

        MvcTestResult result = asAdmin(mvc.get().uri("/api/v1/users"));

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {
                  "content": [{"id": "%s", "email": "ann@example.com"}],
                  "page": {"size": 20, "number": 0, "totalElements": 1, "totalPages": 1}
                }""".formatted(ann.id()));
    }

    @Test
    void theSearchAsksForTheRequestedEmailRolePageAndSort() {
        given(accounts.search(any(), any(), any())).willReturn(new PageImpl<>(List.of()));

        asAdmin(mvc.get().uri("/api/v1/users?email=ann&role=CUSTOMER&page=1&size=5&sort=email,asc"));

        then(accounts)
                .should()
                .search(
                        "ann",
                        Role.CUSTOMER,
                        PageRequest.of(1, 5, Sort.by(Sort.Order.asc("email"), Sort.Order.asc("id"))));
    }

    @Test
    void anAdminReadsAnyUser() {
        given(accounts.get(ann.id())).willReturn(ann);

        MvcTestResult result = asAdmin(mvc.get().uri("/api/v1/users/{id}", ann.id()));

        assertThat(result).hasStatusOk().hasHeader(HttpHeaders.ETAG, "\"3\"");
    }

    @Test
    void aMissingUserIsNotFound() {
        given(accounts.get(any())).willThrow(UserRefusals.notFound());

        MvcTestResult result = asAdmin(mvc.get().uri("/api/v1/users/{id}", UUID.randomUUID()));

        assertProblem(result, HttpStatus.NOT_FOUND).isLenientlyEqualTo("""
                {"code": "NOT_FOUND"}""");
    }

    @Test
    void anIdThatIsNoUuidIsRefusedNamingIt() {
        MvcTestResult result = asAdmin(mvc.get().uri("/api/v1/users/42"));

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "id"}]}""");
        verifyNoInteractions(accounts);
    }

    static Stream<Arguments> invalidAdministrations() {
        return Stream.of(
                Arguments.of("no roles", "{\"roles\": []}", "roles"),
                Arguments.of("an unknown role", "{\"roles\": [\"ROOT\"]}", "roles"),
                Arguments.of("enabled as text", "{\"enabled\": \"yes\"}", "enabled"),
                Arguments.of("a member it cannot change", "{\"email\": \"x@example.com\"}", "email"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidAdministrations")
    void anInvalidAdministrationIsRefusedNamingTheFieldAndChangesNothing(String kind, String body, String field) {
        MvcTestResult result = administer(ann.id(), null, body);

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "%s"}]}""".formatted(field));
        verifyNoInteractions(accounts);
    }

    @Test
    void anAdminChangesRolesAndEnabledAtTheVersionTheyRead() {
        given(accounts.administer(any(), any(), any(), any())).willReturn(ann);

        administer(ann.id(), "\"3\"", "{\"roles\": [\"ADMIN\"], \"enabled\": false}");

        then(accounts).should().administer(ann.id(), Set.of(Role.ADMIN), false, 3L);
    }

    @Test
    void anAdministrationAnswersTheChangedUser() {
        given(accounts.administer(any(), any(), any(), any())).willReturn(ann);

        MvcTestResult result = administer(ann.id(), null, "{\"enabled\": false}");

        assertThat(result)
                .hasStatusOk()
                .bodyJson()
                .extractingPath("$.id")
                .isEqualTo(ann.id().toString());
    }

    @Test
    void anAdministrationOfAnOlderVersionIsAFailedPrecondition() {
        given(accounts.administer(any(), any(), any(), any())).willThrow(UserRefusals.versionMismatch());

        MvcTestResult result = administer(ann.id(), "\"2\"", "{\"enabled\": false}");

        assertProblem(result, HttpStatus.PRECONDITION_FAILED).isLenientlyEqualTo("""
                {"code": "PRECONDITION_FAILED"}""");
    }

    @Test
    void administeringAMissingUserIsNotFound() {
        given(accounts.administer(any(), any(), any(), any())).willThrow(UserRefusals.notFound());

        MvcTestResult result = administer(UUID.randomUUID(), null, "{\"enabled\": false}");

        assertProblem(result, HttpStatus.NOT_FOUND).isLenientlyEqualTo("""
                {"code": "NOT_FOUND"}""");
    }

    private MvcTestResult register(String body) {
        return mvc.post()
                .uri("/api/v1/users")
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private MvcTestResult rename(String ifMatch, String name) {
        return asCustomer(mvc.patch()
                .uri("/api/v1/users/me")
                .header(HttpHeaders.IF_MATCH, ifMatch)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\": \"" + name + "\"}"));
    }

    private MvcTestResult administer(UUID id, String ifMatch, String body) {
        MockMvcTester.MockMvcRequestBuilder request = mvc.patch()
                .uri("/api/v1/users/{id}", id)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        if (ifMatch != null) {
            request.header(HttpHeaders.IF_MATCH, ifMatch);
        }
        return asAdmin(request);
    }

    private MvcTestResult asCustomer(MockMvcTester.MockMvcRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.customer(ann.id()))
                .exchange();
    }

    private MvcTestResult asAdmin(MockMvcTester.MockMvcRequestBuilder request) {
        return request.header(HttpHeaders.AUTHORIZATION, "Bearer " + TestTokens.admin(admin))
                .exchange();
    }

    /** A registration body; null leaves the member out. */
    private static String registration(String email, String name, String password) {
        StringBuilder body = new StringBuilder("{");
        if (email != null) {
            body.append("\"email\": \"").append(email).append("\",");
        }
        if (name != null) {
            body.append("\"name\": \"").append(name).append("\",");
        }
        if (password != null) {
            body.append("\"password\": \"").append(password).append("\",");
        }
        if (body.length() > 1) {
            body.setLength(body.length() - 1);
        }
        return body.append("}").toString();
    }
}
