package io.cloudshop.users.user.web;

import io.cloudshop.common.problem.ApiException;
import io.cloudshop.common.problem.Problems;
import io.cloudshop.users.user.Role;
import io.cloudshop.users.user.User;
import io.cloudshop.users.user.UserAccounts;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/users")
class UserController {

    /** The sort fields the listing accepts, by API name. */
    private static final Map<String, String> SORTABLE = Map.of("createdAt", "createdAt", "email", "email");

    private final UserAccounts accounts;

    UserController(UserAccounts accounts) {
        this.accounts = accounts;
    }

    /** Public: registration of a new customer. */
    @PostMapping
    ResponseEntity<UserRequests.UserView> register(@Valid @RequestBody UserRequests.Registration registration) {
        User user = accounts.register(registration.email(), registration.name(), registration.password());
        return ResponseEntity.created(URI.create("/api/v1/users/" + user.id())).body(UserRequests.UserView.of(user));
    }

    @GetMapping("/me")
    UserRequests.UserView me(@AuthenticationPrincipal Jwt token) {
        return UserRequests.UserView.of(accounts.get(UUID.fromString(token.getSubject())));
    }

    /** Only the name can be changed here; any other member is an unknown property and refused. */
    @PatchMapping("/me")
    UserRequests.UserView rename(@AuthenticationPrincipal Jwt token, @Valid @RequestBody UserRequests.Rename rename) {
        return UserRequests.UserView.of(accounts.rename(UUID.fromString(token.getSubject()), rename.name()));
    }

    @GetMapping
    @PreAuthorize("hasRole('ADMIN')")
    PagedModel<UserRequests.UserView> list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size,
            @RequestParam(defaultValue = "createdAt,desc") String sort,
            @RequestParam(required = false) @Nullable @Size(max = 320) String email,
            @RequestParam(required = false) @Nullable Role role) {
        PageRequest request = PageRequest.of(page, size, sort(sort));
        return new PagedModel<>(accounts.search(email, role, request).map(UserRequests.UserView::of));
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    UserRequests.UserView get(@PathVariable UUID id) {
        return UserRequests.UserView.of(accounts.get(id));
    }

    @PatchMapping("/{id}")
    @PreAuthorize("hasRole('ADMIN')")
    UserRequests.UserView administer(@PathVariable UUID id, @Valid @RequestBody UserRequests.Administration change) {
        return UserRequests.UserView.of(accounts.administer(id, change.roles(), change.enabled()));
    }

    /** {@code field[,asc|desc]} with a whitelisted field; anything else is a 400 naming {@code sort}. */
    static Sort sort(String sort) {
        String[] parts = sort.split(",", -1);
        String field = SORTABLE.get(parts[0].trim());
        boolean validDirection = parts.length == 1
                || (parts.length == 2
                        && List.of("asc", "desc").contains(parts[1].trim().toLowerCase()));
        if (field == null || !validDirection) {
            throw new ApiException(
                    HttpStatus.BAD_REQUEST,
                    "VALIDATION_FAILED",
                    "The request has invalid values.",
                    List.of(new Problems.FieldError(
                            "sort", "must be one of " + String.join(", ", SORTABLE.keySet()) + " with asc or desc")));
        }
        Sort.Direction direction =
                parts.length == 2 && parts[1].trim().equalsIgnoreCase("asc") ? Sort.Direction.ASC : Sort.Direction.DESC;
        return Sort.by(new Sort.Order(direction, field), Sort.Order.asc("id"));
    }
}
