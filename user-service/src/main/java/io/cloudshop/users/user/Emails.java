package io.cloudshop.users.user;

import java.util.Locale;

/** The one normalization every email goes through before it is stored or looked up. */
public final class Emails {

    private Emails() {}

    public static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }
}
