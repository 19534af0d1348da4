package io.cloudshop.users.user;

/**
 * The user accounts' refusals, for tests outside their package (the web slice) that must throw them from a mocked use
 * case: only the domain raises them, so their constructors are package-private.
 */
public final class UserRefusals {

    private UserRefusals() {}

    public static UserNotFoundException notFound() {
        return new UserNotFoundException();
    }

    public static EmailTakenException emailTaken() {
        return new EmailTakenException();
    }

    public static VersionMismatchException versionMismatch() {
        return new VersionMismatchException();
    }

    public static WeakPasswordException weakPassword(String reason) {
        return new WeakPasswordException(reason);
    }
}
