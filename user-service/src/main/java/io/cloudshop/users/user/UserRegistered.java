package io.cloudshop.users.user;

import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * A customer registered. On {@value #TOPIC}, keyed by user id; payment-service opens the customer's wallet. Carries no
 * email or name: consumers that need personal data ask for it, so it does not spread through topics.
 */
@Externalized(UserRegistered.TOPIC + "::#{#this.userId().toString()}")
public record UserRegistered(UUID eventId, String type, int version, Instant occurredAt, UUID userId) {

    /** user-service's only topic. */
    public static final String TOPIC = "users.events";

    static UserRegistered of(User user) {
        return new UserRegistered(UUID.randomUUID(), "UserRegistered", 1, Instant.now(), user.id());
    }
}
