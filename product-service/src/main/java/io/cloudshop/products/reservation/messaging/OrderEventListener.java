package io.cloudshop.products.reservation.messaging;

import io.cloudshop.common.messaging.EventReader;
import io.cloudshop.products.Topics;
import io.cloudshop.products.reservation.StockReservation;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding;
import io.github.springwolf.core.asyncapi.annotations.AsyncListener;
import io.github.springwolf.core.asyncapi.annotations.AsyncMessage;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * order-service's events, in order per order (they are keyed by order id). The types it acts on are declared for the
 * AsyncAPI document, named as on the wire; it reads every other type as nothing to do. Failures are retried, then dead-lettered
 * to {@code orders.events.product-service.DLT} (see common's messaging configuration).
 */
@Component
class OrderEventListener {

    private static final String READ =
            "Read by product-service (group product-service.orders) to reserve, sell or release stock; other types are ignored.";

    private final StockReservation stock;

    OrderEventListener(StockReservation stock) {
        this.stock = stock;
    }

    @AsyncListener(
            operation =
                    @AsyncOperation(
                            channelName = Topics.ORDERS,
                            description = READ,
                            payloadType = OrderEvents.Placed.class,
                            message = @AsyncMessage(name = "OrderPlaced", title = "OrderPlaced")))
    @AsyncListener(
            operation =
                    @AsyncOperation(
                            channelName = Topics.ORDERS,
                            description = READ,
                            payloadType = OrderEvents.Confirmed.class,
                            message = @AsyncMessage(name = "OrderConfirmed", title = "OrderConfirmed")))
    @AsyncListener(
            operation =
                    @AsyncOperation(
                            channelName = Topics.ORDERS,
                            description = READ,
                            payloadType = OrderEvents.Cancelled.class,
                            message = @AsyncMessage(name = "OrderCancelled", title = "OrderCancelled")))
    @KafkaAsyncOperationBinding(groupId = "product-service.orders")
    @KafkaListener(id = "product-service.orders", topics = Topics.ORDERS)
    void on(ConsumerRecord<String, byte[]> record) {
        switch (EventReader.read(record.value(), OrderEvents.class)) {
            case OrderEvents.Placed placed ->
                stock.reserve(placed.eventId(), placed.orderId(), placed.customerId(), placed.total(), placed.lines());
            case OrderEvents.Confirmed confirmed -> stock.sell(confirmed.eventId(), confirmed.orderId());
            case OrderEvents.Cancelled cancelled -> stock.release(cancelled.eventId(), cancelled.orderId());
            case OrderEvents.Other other -> {}
        }
    }
}
