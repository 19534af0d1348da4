package io.cloudshop.users.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The account's rules, without Spring or a database. */
class UserTests {

    @Test
    void aRegisteredUserIsAnEnabledCustomerAndAnnouncedAsSuch() {
        User user = User.register("ada@example.com", "Ada", "{bcrypt}hash");

        assertThat(user.roles()).containsExactly(Role.CUSTOMER);
        assertThat(user.enabled()).isTrue();
        assertThat(user.email()).isEqualTo("ada@example.com");
        assertThat(events(user))
                .singleElement()
                .isInstanceOfSatisfying(
                        UserRegistered.class,
                        registered -> assertThat(registered.userId()).isEqualTo(user.id()));
    }

    @Test
    void anAdminIsAnAdminOnlyAndNotAnnounced() {
        User admin = User.admin("root@example.com", "Root", "{bcrypt}hash");

        assertThat(admin.roles()).containsExactly(Role.ADMIN);
        assertThat(events(admin)).as("no customer, so no wallet to open").isEmpty();
    }

    @Test
    void aUserKeepsAtLeastOneRole() {
        User user = User.register("ada@example.com", "Ada", "{bcrypt}hash");

        assertThatThrownBy(() -> user.grant(Set.of())).isInstanceOf(IllegalArgumentException.class);
        assertThat(user.roles()).containsExactly(Role.CUSTOMER);

        user.grant(Set.of(Role.CUSTOMER, Role.ADMIN));
        assertThat(user.roles()).containsExactlyInAnyOrder(Role.CUSTOMER, Role.ADMIN);
    }

    @Test
    void theRolesShownCannotChangeTheUser() {
        User user = User.register("ada@example.com", "Ada", "{bcrypt}hash");

        assertThatThrownBy(() -> user.roles().add(Role.ADMIN)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aChangeNamingAnotherVersionIsRefused() {
        User user = User.register("ada@example.com", "Ada", "{bcrypt}hash");

        assertThatNoException().as("no version named").isThrownBy(() -> user.requireVersion(null));
        assertThatNoException().as("the current version").isThrownBy(() -> user.requireVersion(user.version()));
        assertThatThrownBy(() -> user.requireVersion(user.version() + 1)).isInstanceOf(VersionMismatchException.class);
    }

    @Test
    void aDisabledUserCanBeEnabledAgain() {
        User user = User.register("ada@example.com", "Ada", "{bcrypt}hash");

        user.enable(false);
        assertThat(user.enabled()).isFalse();
        user.enable(true);
        assertThat(user.enabled()).isTrue();
    }

    /** What the repository's save would hand to the outbox. */
    private static List<Object> events(User user) {
        Collection<?> events = ReflectionTestUtils.invokeMethod(user, "domainEvents");
        return List.copyOf(events);
    }
}
