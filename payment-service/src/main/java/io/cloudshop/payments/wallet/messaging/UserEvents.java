package io.cloudshop.payments.wallet.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;
import java.util.UUID;

/** payment-service's own, tolerant reading of user-service's events: only registrations matter here. */
@JsonTypeInfo(
        use = JsonTypeInfo.Id.NAME,
        include = JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "type",
        visible = true,
        defaultImpl = UserEvents.Other.class)
@JsonSubTypes(@JsonSubTypes.Type(value = UserEvents.Registered.class, name = "UserRegistered"))
@JsonIgnoreProperties(ignoreUnknown = true)
sealed interface UserEvents {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Registered(UUID eventId, UUID userId) implements UserEvents {
        public Registered {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(userId, "userId");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Other(String type) implements UserEvents {}
}
