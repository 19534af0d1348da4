package io.cloudshop.payments.payment.messaging;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.UUID;

/**
 * payment-service's own reading of the events it acts on, from product-service ({@code StockReserved}) and
 * order-service ({@code OrderCancelled}). Unknown members are ignored and other types read as {@link Other} (a
 * tolerant reader); a known type missing a member it needs is malformed and goes to the dead-letter topic.
 */
@JsonTypeInfo(
        use = JsonTypeInfo.Id.NAME,
        include = JsonTypeInfo.As.EXISTING_PROPERTY,
        property = "type",
        visible = true,
        defaultImpl = SagaEvents.Other.class)
@JsonSubTypes({
    @JsonSubTypes.Type(value = SagaEvents.StockReserved.class, name = "StockReserved"),
    @JsonSubTypes.Type(value = SagaEvents.OrderCancelled.class, name = "OrderCancelled")
})
@JsonIgnoreProperties(ignoreUnknown = true)
sealed interface SagaEvents {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StockReserved(UUID eventId, UUID orderId, UUID customerId, Money total) implements SagaEvents {
        public StockReserved {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
            Objects.requireNonNull(customerId, "customerId");
            Objects.requireNonNull(total, "total");
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Money(BigDecimal amount, String currency) {
        public Money {
            Objects.requireNonNull(amount, "amount");
            Objects.requireNonNull(currency, "currency");
            if (amount.signum() <= 0) {
                throw new IllegalArgumentException("amount");
            }
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record OrderCancelled(UUID eventId, UUID orderId) implements SagaEvents {
        public OrderCancelled {
            Objects.requireNonNull(eventId, "eventId");
            Objects.requireNonNull(orderId, "orderId");
        }
    }

    /** Any other event on these topics: nothing for payment-service to do. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Other(String type) implements SagaEvents {}
}
