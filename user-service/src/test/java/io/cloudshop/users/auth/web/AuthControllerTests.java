package io.cloudshop.users.auth.web;

import static io.cloudshop.testsupport.WebSlices.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.verifyNoInteractions;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import io.cloudshop.testsupport.TestTokensConfiguration;
import io.cloudshop.users.auth.AuthRefusals;
import io.cloudshop.users.auth.Sessions;
import io.cloudshop.users.auth.SigningKeys;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;

/**
 * The authentication API over Spring MVC alone: its validation, the answers {@link AuthProblems} gives refused
 * credentials, and the token responses, with common's problem details and bearer-token security exactly as in
 * production (every endpoint here is public). The use cases are mocks; their behaviour is the integration tests'
 * subject.
 */
@WebMvcTest(AuthController.class)
@Import(TestTokensConfiguration.class)
class AuthControllerTests {

    @Autowired
    MockMvcTester mvc;

    @MockitoBean
    Sessions sessions;

    @MockitoBean
    SigningKeys keys;

    static final RSAKey SIGNING_KEY = generate("key-1");

    final Sessions.Tokens tokens = new Sessions.Tokens("an.access.token", 900, "a-refresh-token");

    static Stream<Arguments> invalidCredentials() {
        return Stream.of(
                Arguments.of("no email", "{\"password\": \"secret\"}", "email"),
                Arguments.of("a blank email", "{\"email\": \" \", \"password\": \"secret\"}", "email"),
                Arguments.of(
                        "an email of 321 characters",
                        "{\"email\": \"" + "a".repeat(321) + "\", \"password\": \"secret\"}",
                        "email"),
                Arguments.of("no password", "{\"email\": \"ann@example.com\"}", "password"),
                Arguments.of(
                        "a password of 1025 characters",
                        "{\"email\": \"ann@example.com\", \"password\": \"" + "p".repeat(1025) + "\"}",
                        "password"),
                Arguments.of(
                        "a member the API does not offer",
                        "{\"email\": \"ann@example.com\", \"password\": \"secret\", \"scope\": \"admin\"}",
                        "scope"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidCredentials")
    void anInvalidLoginIsRefusedNamingTheFieldAndChecksNothing(String kind, String body, String field) {
        MvcTestResult result = post("/api/v1/auth/token", body);

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "%s"}]}""".formatted(field));
        verifyNoInteractions(sessions);
    }

    @Test
    void aLoginNeedsNoTokenAndAnswersOAuth2StyleTokens() {
        given(sessions.login("ann@example.com", "secret")).willReturn(tokens);

        MvcTestResult result = post("/api/v1/auth/token", "{\"email\": \"ann@example.com\", \"password\": \"secret\"}");

        assertThat(result).hasStatusOk().bodyJson().isStrictlyEqualTo("""
                {"access_token": "an.access.token", "token_type": "Bearer", "expires_in": 900,
                 "refresh_token": "a-refresh-token"}""");
    }

    @Test
    void tokensAreNeverStored() {
        given(sessions.login("ann@example.com", "secret")).willReturn(tokens);

        MvcTestResult result = post("/api/v1/auth/token", "{\"email\": \"ann@example.com\", \"password\": \"secret\"}");

        assertThat(result).hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Test
    void wrongCredentialsAreUnauthorized() {
        given(sessions.login(anyString(), anyString())).willThrow(AuthRefusals.login());

        MvcTestResult result = post("/api/v1/auth/token", "{\"email\": \"ann@example.com\", \"password\": \"wrong\"}");

        assertProblem(result, HttpStatus.UNAUTHORIZED).isLenientlyEqualTo("""
                {"code": "INVALID_CREDENTIALS", "detail": "The email or password is wrong."}""");
    }

    @Test
    void refusedCredentialsCarryNoBearerChallenge() {
        given(sessions.login(anyString(), anyString())).willThrow(AuthRefusals.login());

        MvcTestResult result = post("/api/v1/auth/token", "{\"email\": \"ann@example.com\", \"password\": \"wrong\"}");

        assertThat(result).doesNotContainHeader(HttpHeaders.WWW_AUTHENTICATE);
    }

    /** Refresh tokens bean validation refuses; the answer names the member as the client sends it. */
    static Stream<Arguments> refusedRefreshTokens() {
        return Stream.of(
                Arguments.of("no refresh token", "{}"),
                Arguments.of("a blank refresh token", "{\"refresh_token\": \"\"}"),
                Arguments.of("a refresh token of 201 characters", "{\"refresh_token\": \"" + "r".repeat(201) + "\"}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRefreshTokens")
    void anInvalidRefreshTokenIsRefusedAndNothingIsRefreshed(String kind, String body) {
        MvcTestResult result = post("/api/v1/auth/refresh", body);

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "refresh_token"}]}""");
        verifyNoInteractions(sessions);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedRefreshTokens")
    void anInvalidRefreshTokenIsRefusedAndNothingIsRevoked(String kind, String body) {
        MvcTestResult result = post("/api/v1/auth/logout", body);

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "refresh_token"}]}""");
        verifyNoInteractions(sessions);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/auth/refresh", "/api/v1/auth/logout"})
    void theRefreshTokenInCamelCaseIsAnUnknownMember(String path) {
        MvcTestResult result = post(path, "{\"refreshToken\": \"a-refresh-token\"}");

        assertProblem(result, HttpStatus.BAD_REQUEST).isLenientlyEqualTo("""
                {"code": "VALIDATION_FAILED", "errors": [{"field": "refreshToken", "message": "is not a known property"}]}""");
        verifyNoInteractions(sessions);
    }

    @Test
    void aRefreshAnswersNewTokens() {
        given(sessions.refresh("a-refresh-token")).willReturn(tokens);

        MvcTestResult result = post("/api/v1/auth/refresh", "{\"refresh_token\": \"a-refresh-token\"}");

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"access_token": "an.access.token", "refresh_token": "a-refresh-token"}""");
    }

    @Test
    void refreshedTokensAreNeverStored() {
        given(sessions.refresh("a-refresh-token")).willReturn(tokens);

        MvcTestResult result = post("/api/v1/auth/refresh", "{\"refresh_token\": \"a-refresh-token\"}");

        assertThat(result).hasHeader(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    @Test
    void aRefusedRefreshTokenIsUnauthorizedWithItsOwnCode() {
        given(sessions.refresh(anyString())).willThrow(AuthRefusals.refresh());

        MvcTestResult result = post("/api/v1/auth/refresh", "{\"refresh_token\": \"a-stolen-token\"}");

        assertProblem(result, HttpStatus.UNAUTHORIZED).isLenientlyEqualTo("""
                {"code": "INVALID_REFRESH_TOKEN",
                 "detail": "The refresh token is invalid, expired or revoked. Log in again."}""");
    }

    @Test
    void aLogoutNeedsNoTokenAndAnswersNoContent() {
        MvcTestResult result = post("/api/v1/auth/logout", "{\"refresh_token\": \"a-refresh-token\"}");

        assertThat(result).hasStatus(HttpStatus.NO_CONTENT);
    }

    @Test
    void aLogoutRevokesTheRefreshTokensLogin() {
        post("/api/v1/auth/logout", "{\"refresh_token\": \"a-refresh-token\"}");

        then(sessions).should().logout("a-refresh-token");
    }

    @Test
    void thePublicKeysNeedNoToken() {
        given(keys.published()).willReturn(new JWKSet(SIGNING_KEY.toPublicJWK()));

        MvcTestResult result = mvc.get().uri("/api/v1/auth/jwks").exchange();

        assertThat(result).hasStatusOk().bodyJson().isLenientlyEqualTo("""
                {"keys": [{"kty": "RSA", "kid": "key-1"}]}""");
    }

    @Test
    void thePublicKeysMayBeCachedForFiveMinutes() {
        given(keys.published()).willReturn(new JWKSet(SIGNING_KEY.toPublicJWK()));

        MvcTestResult result = mvc.get().uri("/api/v1/auth/jwks").exchange();

        assertThat(result).hasHeader(HttpHeaders.CACHE_CONTROL, "max-age=300");
    }

    @Test
    void noPrivateKeyPartIsEverPublished() {
        given(keys.published()).willReturn(new JWKSet(SIGNING_KEY));

        MvcTestResult result = mvc.get().uri("/api/v1/auth/jwks").exchange();

        assertThat(result).bodyJson().hasPath("$.keys[0].n").doesNotHavePath("$.keys[0].d");
    }

    private MvcTestResult post(String path, String body) {
        return mvc.post()
                .uri(path)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body)
                .exchange();
    }

    private static RSAKey generate(String kid) {
        try {
            return new RSAKeyGenerator(2048).keyID(kid).generate();
        } catch (JOSEException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
