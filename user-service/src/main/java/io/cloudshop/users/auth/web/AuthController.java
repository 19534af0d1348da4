package io.cloudshop.users.auth.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.cloudshop.users.auth.Sessions;
import io.cloudshop.users.auth.SigningKeys;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Public: tokens for credentials, token refresh, logout, and the public keys. */
@SecurityRequirements // public: no bearer token in the OpenAPI document
@RestController
@RequestMapping("/api/v1/auth")
class AuthController {

    private final Sessions sessions;
    private final SigningKeys keys;

    AuthController(Sessions sessions, SigningKeys keys) {
        this.sessions = sessions;
        this.keys = keys;
    }

    record Credentials(
            @NotBlank @Size(max = 320) String email,
            @NotNull @Size(max = 1024) String password) {}

    record Refresh(
            @JsonProperty("refresh_token") @NotBlank @Size(max = 200)
            String refreshToken) {}

    /** OAuth2-style token response (RFC 6749 section 5.1 member names). */
    record TokenResponse(
            @JsonProperty("access_token") String accessToken,
            @JsonProperty("token_type") String tokenType,
            @JsonProperty("expires_in") long expiresIn,
            @JsonProperty("refresh_token") String refreshToken) {

        static TokenResponse of(Sessions.Tokens tokens) {
            return new TokenResponse(tokens.accessToken(), "Bearer", tokens.expiresIn(), tokens.refreshToken());
        }
    }

    @PostMapping("/token")
    ResponseEntity<TokenResponse> token(@Valid @RequestBody Credentials credentials) {
        return noStore(TokenResponse.of(sessions.login(credentials.email(), credentials.password())));
    }

    @PostMapping("/refresh")
    ResponseEntity<TokenResponse> refresh(@Valid @RequestBody Refresh refresh) {
        return noStore(TokenResponse.of(sessions.refresh(refresh.refreshToken())));
    }

    @PostMapping("/logout")
    ResponseEntity<Void> logout(@Valid @RequestBody Refresh refresh) {
        sessions.logout(refresh.refreshToken());
        return ResponseEntity.noContent().build();
    }

    /** The public keys, current first; other components cache them and refetch on an unknown {@code kid}. */
    @GetMapping("/jwks")
    ResponseEntity<Map<String, Object>> jwks() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)))
                .body(keys.published().toJSONObject(true));
    }

    private static <T> ResponseEntity<T> noStore(T body) {
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
