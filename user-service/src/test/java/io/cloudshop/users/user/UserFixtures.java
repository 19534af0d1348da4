package io.cloudshop.users.user;

import org.springframework.test.util.ReflectionTestUtils;

/** Users as the domain makes them, for tests outside its package (the web slice). */
public final class UserFixtures {

    private UserFixtures() {}

    /** A customer as stored: with the version a read of it would show (a new one has none until it is saved). */
    public static User customer(String email, String name, long version) {
        User user = User.register(email, name, "{argon2}not-a-real-hash");
        ReflectionTestUtils.setField(user, "version", version);
        return user;
    }
}
