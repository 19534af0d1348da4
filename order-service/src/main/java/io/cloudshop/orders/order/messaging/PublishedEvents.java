package io.cloudshop.orders.order.messaging;

import io.cloudshop.orders.Topics;
import io.cloudshop.orders.order.OrderEvent;
import io.cloudshop.orders.order.OrderFinished;
import io.cloudshop.orders.order.OrderPlaced;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding.KafkaAsyncKey;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding.KafkaAsyncKey.KafkaKeyTypes;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding.KafkaAsyncMessageBinding;
import io.github.springwolf.core.asyncapi.annotations.AsyncMessage;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.springframework.stereotype.Component;

/**
 * What order-service publishes, for its AsyncAPI document (common's {@code AsyncApiAutoConfiguration}): every
 * {@link OrderEvent} on {@value Topics#ORDERS}, keyed by order id. Declared here because no method of the service
 * sends them: the order raises them and the outbox sends them after its transaction commits.
 */
@Component
class PublishedEvents {

    private static final String ORDER_PLACED =
            "A customer placed an order at these prices; product-service reserves stock.";

    private static final String ORDER_CONFIRMED = "Paid: product-service turns the reservation into a sale.";

    private static final String ORDER_REJECTED =
            "Stock could not be reserved (reason OUT_OF_STOCK); nothing was held or charged.";

    private static final String ORDER_CANCELLED =
            "Cancelled (reason CUSTOMER, TIMEOUT or PAYMENT_DECLINED): stock released, or"
                    + " restocked when wasConfirmed (a sale undone); a charge refunded.";

    private static final String TOPIC =
            "order-service's events: the saga's start and every order's outcome, in order per order.";

    private static final String KEY = "The order's id";

    @AsyncPublisher(
            operation =
                    @AsyncOperation(
                            channelName = Topics.ORDERS,
                            description = TOPIC,
                            payloadType = OrderPlaced.class,
                            message =
                                    @AsyncMessage(
                                            name = "OrderPlaced",
                                            title = "OrderPlaced",
                                            description = ORDER_PLACED)))
    @AsyncPublisher(
            operation =
                    @AsyncOperation(
                            channelName = Topics.ORDERS,
                            description = TOPIC,
                            payloadType = OrderFinished.OrderConfirmed.class,
                            message =
                                    @AsyncMessage(
                                            name = "OrderConfirmed",
                                            title = "OrderConfirmed",
                                            description = ORDER_CONFIRMED)))
    @AsyncPublisher(
            operation =
                    @AsyncOperation(
                            channelName = Topics.ORDERS,
                            description = TOPIC,
                            payloadType = OrderFinished.OrderRejected.class,
                            message =
                                    @AsyncMessage(
                                            name = "OrderRejected",
                                            title = "OrderRejected",
                                            description = ORDER_REJECTED)))
    @AsyncPublisher(
            operation =
                    @AsyncOperation(
                            channelName = Topics.ORDERS,
                            description = TOPIC,
                            payloadType = OrderFinished.OrderCancelled.class,
                            message =
                                    @AsyncMessage(
                                            name = "OrderCancelled",
                                            title = "OrderCancelled",
                                            description = ORDER_CANCELLED)))
    @KafkaAsyncOperationBinding(
            messageBinding =
                    @KafkaAsyncMessageBinding(
                            key =
                                    @KafkaAsyncKey(
                                            type = KafkaKeyTypes.STRING_KEY,
                                            description = KEY,
                                            example = "0b1e8a52-3c7e-4c1f-9d2a-6f5e4b3a2c10")))
    void orderEvents(OrderEvent event) {
        // Nothing to do: this method only carries the declarations above.
    }
}
