package io.cloudshop.users.user.web;

import io.cloudshop.users.user.Role;
import io.cloudshop.users.user.User;
import io.cloudshop.users.user.Users;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Instant;
import java.util.UUID;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.web.PagedModel;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/v1/users")
class UserController {

    private final Users users;

    UserController(Users users) {
        this.users = users;
    }

    /** Users newest first, in Spring Data's {@code {content, page}} shape. */
    @GetMapping
    @Transactional(readOnly = true)
    PagedModel<UserView> list(
            @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
        PageRequest request = PageRequest.of(page, size, Sort.by(Sort.Order.desc("createdAt"), Sort.Order.asc("id")));
        return new PagedModel<>(users.findAllBy(request).map(UserView::of));
    }

    record UserView(UUID id, String email, String name, Role role, boolean enabled, Instant createdAt) {

        static UserView of(User user) {
            return new UserView(user.id(), user.email(), user.name(), user.role(), user.enabled(), user.createdAt());
        }
    }
}
