package io.cloudshop.users;

/** The Kafka topics user-service writes and reads, in one place. */
public final class Topics {

    /** User events, keyed by user id. */
    public static final String USERS = "users.events";

    private Topics() {}
}
