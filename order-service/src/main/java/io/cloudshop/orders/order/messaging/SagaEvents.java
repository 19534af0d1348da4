package io.cloudshop.orders.order.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.util.Objects;
import java.util.UUID;

/**
 * order-service's own reading of the events it acts on, from product-service and payment-service. Unknown members are
 * ignored and other types read as {@link Other} (a tolerant reader); a known type missing a member it needs is
 * malformed and goes to the dead-letter topic.
 */
@JsonTypeInfo(
        use = JsonTypeInfo.Id.NAME,
        include = JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "type",
        visible = true,
        defaultImpl = SagaEvents.Other.class)
@JsonSubTypes({
    @JsonSubTypes.Type(value = SagaEvents.StockReserved.class, name = "StockReserved"),
    @JsonSubTypes.Type(value = SagaEvents.StockRejected.class, name = "StockRejected"),
    @JsonSubTypes.Type(value = SagaEvents.PaymentCompleted.class, name = "PaymentCompleted"),
    @JsonSubTypes.Type(value = SagaEvents.PaymentDeclined.class, name = "PaymentDeclined")
})
@JsonIgnoreProperties(ignoreUnknown = true)
sealed interface SagaEvents {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StockReserved(UUID eventId, UUID orderId) implements SagaEvents {
        public StockReserved {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StockRejected(UUID eventId, UUID orderId, String reason) implements SagaEvents {
        public StockRejected {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
            reason = reason == null ? "OUT_OF_STOCK" : reason;
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PaymentCompleted(UUID eventId, UUID orderId, UUID paymentId) implements SagaEvents {
        public PaymentCompleted {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(paymentId, "paymentId");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record PaymentDeclined(UUID eventId, UUID orderId, String reason) implements SagaEvents {
        public PaymentDeclined {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
            reason = reason == null ? "DECLINED" : reason;
        }
    }

    /** Any other event on these topics: nothing for order-service to do. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Other(String type) implements SagaEvents {}
}
