package io.cloudshop.products.reservation.messaging;

import io.cloudshop.products.Topics;
import io.cloudshop.products.reservation.InventoryEvent;
import io.cloudshop.products.reservation.StockRejected;
import io.cloudshop.products.reservation.StockReleased;
import io.cloudshop.products.reservation.StockReserved;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding.KafkaAsyncKey;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding.KafkaAsyncKey.KafkaKeyTypes;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding.KafkaAsyncMessageBinding;
import io.github.springwolf.core.asyncapi.annotations.AsyncMessage;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.springframework.stereotype.Component;

/**
 * What product-service publishes, for its AsyncAPI document (common's {@code AsyncApiAutoConfiguration}): every
 * {@link InventoryEvent} on {@value Topics#INVENTORY}, keyed by order id. Declared here because no method of the
 * service sends them: the reservation raises them and the outbox sends them after its transaction commits.
 */
@Component
class PublishedEvents {

    private static final String STOCK_RESERVED = "Every line of the order is held; customer and total are carried from"
            + " OrderPlaced for the payment step.";

    private static final String STOCK_REJECTED = "Some line could not be served (OUT_OF_STOCK); nothing was held.";

    private static final String STOCK_RELEASED = "A cancelled order's stock is back.";

    private static final String KEY = "The order's id";

    private static final String TOPIC = "product-service's reservation outcomes, in order per order.";

    @AsyncPublisher(
            operation =
                    @AsyncOperation(
                            channelName = Topics.INVENTORY,
                            description = TOPIC,
                            payloadType = StockReserved.class,
                            message =
                                    @AsyncMessage(
                                            name = "StockReserved",
                                            title = "StockReserved",
                                            description = STOCK_RESERVED)))
    @AsyncPublisher(
            operation =
                    @AsyncOperation(
                            channelName = Topics.INVENTORY,
                            description = TOPIC,
                            payloadType = StockRejected.class,
                            message =
                                    @AsyncMessage(
                                            name = "StockRejected",
                                            title = "StockRejected",
                                            description = STOCK_REJECTED)))
    @AsyncPublisher(
            operation =
                    @AsyncOperation(
                            channelName = Topics.INVENTORY,
                            description = TOPIC,
                            payloadType = StockReleased.class,
                            message =
                                    @AsyncMessage(
                                            name = "StockReleased",
                                            title = "StockReleased",
                                            description = STOCK_RELEASED)))
    @KafkaAsyncOperationBinding(
            messageBinding =
                    @KafkaAsyncMessageBinding(
                            key =
                                    @KafkaAsyncKey(
                                            type = KafkaKeyTypes.STRING_KEY,
                                            description = KEY,
                                            example = "0b1e8a52-3c7e-4c1f-9d2a-6f5e4b3a2c10")))
    void inventoryEvents(InventoryEvent event) {
        // Nothing to do: this method only carries the declarations above.
    }
}
