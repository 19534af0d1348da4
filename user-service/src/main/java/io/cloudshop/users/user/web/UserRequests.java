package io.cloudshop.users.user.web;

import io.cloudshop.common.web.CleanText;
import io.cloudshop.users.user.Role;
import io.cloudshop.users.user.User;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** Request and response bodies of the user API. Unknown JSON members are rejected (see common). */
final class UserRequests {

    /** Text a person typed (see {@link CleanText}). */
    static final String CLEAN_TEXT = CleanText.SINGLE_LINE;

    private UserRequests() {}

    record Registration(
            @NotBlank @Email @Size(max = 320) @Pattern(regexp = CLEAN_TEXT, message = "contains invalid characters")
            String email,

            @NotNull @Size(max = 1024) String password,

            @NotBlank @Size(max = 200) @Pattern(regexp = CLEAN_TEXT, message = "contains invalid characters")
            String name) {

        /** Surrounding blanks are not part of an address; the rest of normalization happens in the use case. */
        Registration {
            email = email != null ? email.strip() : null;
        }
    }

    record Rename(
            @NotBlank @Size(max = 200) @Pattern(regexp = CLEAN_TEXT, message = "contains invalid characters")
            String name) {}

    record Administration(
            @Nullable @Size(min = 1, max = 2) Set<Role> roles,
            @Nullable Boolean enabled) {}

    record UserView(UUID id, String email, String name, Set<Role> roles, boolean enabled, Instant createdAt) {

        static UserView of(User user) {
            return new UserView(user.id(), user.email(), user.name(), user.roles(), user.enabled(), user.createdAt());
        }
    }
}
