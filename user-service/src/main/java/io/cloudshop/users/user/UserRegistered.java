package io.cloudshop.users.user;

import io.cloudshop.users.Topics;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.Externalized;

/**
 * A customer registered. On {@value Topics#USERS}, keyed by user id; payment-service opens the customer's wallet. Carries no
 * email or name: consumers that need personal data ask for it, so it does not spread through topics.
 */
@Externalized(Topics.USERS + "::#{#this.userId().toString()}")
public record UserRegistered(UUID eventId, String type, int version, Instant occurredAt, UUID userId)
        implements UserEvent {

    static UserRegistered of(User user) {
        return new UserRegistered(UUID.randomUUID(), "UserRegistered", 1, Instant.now(), user.id());
    }
}
