package io.cloudshop.users.auth;

import io.cloudshop.users.user.UserAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Creates the first admin from {@code ADMIN_EMAIL}/{@code ADMIN_PASSWORD} when the shop has no admin yet. */
@Component
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final UserAccounts accounts;
    private final IdentityProperties identity;

    AdminBootstrap(UserAccounts accounts, IdentityProperties identity) {
        this.accounts = accounts;
        this.identity = identity;
    }

    @Override
    public void run(ApplicationArguments args) {
        String email = identity.adminEmail();
        String password = identity.adminPassword();
        if (email == null || email.isBlank() || password == null || password.isBlank()) {
            log.info("No ADMIN_EMAIL/ADMIN_PASSWORD given: no admin bootstrapped.");
            return;
        }
        if (accounts.bootstrapAdmin(email, password)) {
            log.info("Created the first admin account.");
        }
    }
}
