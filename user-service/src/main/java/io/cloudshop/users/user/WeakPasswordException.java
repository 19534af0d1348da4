package io.cloudshop.users.user;

/** A password the policy refuses: too short, too long, or the account's own email address. */
public class WeakPasswordException extends RuntimeException {

    private final String reason;

    WeakPasswordException(String reason) {
        super("The password " + reason + ".");
        this.reason = reason;
    }

    /** What is wrong with the password, said of it: {@code must not be the email address}. */
    public String reason() {
        return reason;
    }
}
