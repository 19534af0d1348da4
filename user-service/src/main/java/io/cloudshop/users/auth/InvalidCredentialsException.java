package io.cloudshop.users.auth;

/** A failed login or refresh; one message for every cause, so it reveals nothing about accounts. */
public class InvalidCredentialsException extends RuntimeException {

    /** What was presented and refused. */
    public enum Credential {
        PASSWORD,
        REFRESH_TOKEN
    }

    private final Credential credential;

    private InvalidCredentialsException(Credential credential, String detail) {
        super(detail);
        this.credential = credential;
    }

    static InvalidCredentialsException login() {
        return new InvalidCredentialsException(Credential.PASSWORD, "The email or password is wrong.");
    }

    static InvalidCredentialsException refresh() {
        return new InvalidCredentialsException(
                Credential.REFRESH_TOKEN, "The refresh token is invalid, expired or revoked. Log in again.");
    }

    public Credential credential() {
        return credential;
    }
}
