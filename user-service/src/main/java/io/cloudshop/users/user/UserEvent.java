package io.cloudshop.users.user;

import io.cloudshop.users.Topics;
import java.time.Instant;
import java.util.UUID;

/**
 * What user-service publishes on {@value Topics#USERS}, keyed by user id. Every event names its id, type, version and
 * time; the wire format is pinned by the golden files under {@code src/test/resources/contracts/}.
 */
public sealed interface UserEvent permits UserRegistered {

    UUID eventId();

    String type();

    int version();

    Instant occurredAt();

    UUID userId();
}
