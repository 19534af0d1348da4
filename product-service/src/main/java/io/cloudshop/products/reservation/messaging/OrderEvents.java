package io.cloudshop.products.reservation.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import io.cloudshop.products.product.Money;
import io.cloudshop.products.reservation.Line;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * product-service's own reading of order-service's events: only the types and members it acts on. Unknown members are
 * ignored and unknown types read as {@link Other} (a tolerant reader), so order-service can add either without
 * breaking this service; a known type missing a member it needs is malformed and goes to the dead-letter topic.
 */
@JsonTypeInfo(
        use = JsonTypeInfo.Id.NAME,
        include = JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "type",
        visible = true,
        defaultImpl = OrderEvents.Other.class)
@JsonSubTypes({
    @JsonSubTypes.Type(value = OrderEvents.Placed.class, name = "OrderPlaced"),
    @JsonSubTypes.Type(value = OrderEvents.Confirmed.class, name = "OrderConfirmed"),
    @JsonSubTypes.Type(value = OrderEvents.Cancelled.class, name = "OrderCancelled")
})
@JsonIgnoreProperties(ignoreUnknown = true)
sealed interface OrderEvents {

    UUID eventId();

    UUID orderId();

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Placed(UUID eventId, UUID orderId, UUID customerId, List<Line> lines, Money total) implements OrderEvents {
        public Placed {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(total, "total");
            if (lines == null || lines.isEmpty()) {
                throw new IllegalArgumentException("lines");
            }
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Confirmed(UUID eventId, UUID orderId) implements OrderEvents {
        public Confirmed {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Cancelled(UUID eventId, UUID orderId) implements OrderEvents {
        public Cancelled {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** Any other order event: nothing for product-service to do. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Other(UUID eventId, UUID orderId, String type) implements OrderEvents {}
}
