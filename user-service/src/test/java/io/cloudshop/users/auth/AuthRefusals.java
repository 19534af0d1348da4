package io.cloudshop.users.auth;

/**
 * Authentication's refusals, for tests outside its package (the web slice) that must throw them from a mocked use
 * case: only the domain raises them, so their factories are package-private.
 */
public final class AuthRefusals {

    private AuthRefusals() {}

    public static InvalidCredentialsException login() {
        return InvalidCredentialsException.login();
    }

    public static InvalidCredentialsException refresh() {
        return InvalidCredentialsException.refresh();
    }
}
