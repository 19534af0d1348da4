package io.cloudshop.users.user.web;

import io.cloudshop.common.web.ETags;
import io.cloudshop.common.web.SortWhitelist;
import io.cloudshop.users.user.Role;
import io.cloudshop.users.user.User;
import io.cloudshop.users.user.UserAccounts;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/users")
class UserController {

    /** The sort fields the listing accepts, by API name. */
    private static final SortWhitelist SORTABLE =
            SortWhitelist.of(Map.of("createdAt", "createdAt", "email", "email"), "id");

    private final UserAccounts accounts;

    UserController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** Public: registration of a new customer. */
    @PostMapping
    @SecurityRequirements
    ResponseEntity<UserRequests.UserView> register(@Valid @RequestBody UserRequests.Registration registration) {
        User user = accounts.register(registration.email(), registration.name(), registration.password());
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(UserRequests.UserView.of(user));
    }

    /** With the version as {@code ETag}; a matching {@code If-None-Match} is answered 304 by Spring MVC. */
    @GetMapping("/me")
    ResponseEntity<UserRequests.UserView> me(@AuthenticationPrincipal Jwt token) {
        return tagged(accounts.get(UUID.fromString(token.getSubject())));
    }

    /**
     * Only the name can be changed here; any other member is an unknown property and refused. An {@code If-Match}
     * naming an older version is 412 and changes nothing.
     */
    @PatchMapping("/me")
    ResponseEntity<UserRequests.UserView> rename(
            @AuthenticationPrincipal Jwt token,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody UserRequests.Rename rename) {
        return tagged(accounts.rename(UUID.fromString(token.getSubject()), rename.name(), ETags.versionFrom(ifMatch)));
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    PagedModel<UserRequests.UserView> list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort,
            @RequestParam(required = false) @Nullable @Size(max = 320) String email,
            @RequestParam(required = false) @Nullable Role role) {
        PageRequest request = PageRequest.of(page, size, SORTABLE.parse(sort));
        return new PagedModel<>(accounts.search(email, role, request).map(UserRequests.UserView::of));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<UserRequests.UserView> get(@PathVariable UUID id) {
        return tagged(accounts.get(id));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<UserRequests.UserView> administer(
            @PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) @Nullable String ifMatch,
            @Valid @RequestBody UserRequests.Administration change) {
        return tagged(accounts.administer(id, change.roles(), change.enabled(), ETags.versionFrom(ifMatch)));
    }

    private static ResponseEntity<UserRequests.UserView> tagged(User user) {
        return ResponseEntity.ok().eTag(ETags.of(user.version())).body(UserRequests.UserView.of(user));
    }
}
