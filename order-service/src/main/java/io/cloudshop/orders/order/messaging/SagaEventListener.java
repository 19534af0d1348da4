package io.cloudshop.orders.order.messaging;

import io.cloudshop.common.messaging.EventReader;
import io.cloudshop.orders.Topics;
import io.cloudshop.orders.order.OrderSaga;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding;
import io.github.springwolf.core.asyncapi.annotations.AsyncListener;
import io.github.springwolf.core.asyncapi.annotations.AsyncMessage;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reservation and payment outcomes, in order per order (both topics are keyed by order id). The types it acts on are
 * declared for the AsyncAPI document; it reads every other type as nothing to do. Failures are retried, then
 * dead-lettered to {@code <topic>.order-service.DLT} (see common's messaging configuration).
 */
@Component
class SagaEventListener {

    private static final String READ =
            "Read by order-service (group order-service.saga) to move the order on; other types are ignored.";

    private final OrderSaga saga;

    SagaEventListener(OrderSaga saga) {
        this.saga = saga;
    }

    @AsyncListener(
            operation =
                    @AsyncOperation(
                            channelName = Topics.INVENTORY,
                            description = READ,
                            payloadType = SagaEvents.StockReserved.class,
                            message = @AsyncMessage(name = "StockReserved", title = "StockReserved")))
    @AsyncListener(
            operation =
                    @AsyncOperation(
                            channelName = Topics.INVENTORY,
                            description = READ,
                            payloadType = SagaEvents.StockRejected.class,
                            message = @AsyncMessage(name = "StockRejected", title = "StockRejected")))
    @AsyncListener(
            operation =
                    @AsyncOperation(
                            channelName = Topics.PAYMENTS,
                            description = READ,
                            payloadType = SagaEvents.PaymentCompleted.class,
                            message = @AsyncMessage(name = "PaymentCompleted", title = "PaymentCompleted")))
    @AsyncListener(
            operation =
                    @AsyncOperation(
                            channelName = Topics.PAYMENTS,
                            description = READ,
                            payloadType = SagaEvents.PaymentDeclined.class,
                            message = @AsyncMessage(name = "PaymentDeclined", title = "PaymentDeclined")))
    @KafkaAsyncOperationBinding(groupId = "order-service.saga")
    @KafkaListener(
            id = "order-service.saga",
            topics = {Topics.INVENTORY, Topics.PAYMENTS})
    void on(ConsumerRecord<String, byte[]> record) {
        switch (EventReader.read(record.value(), SagaEvents.class)) {
            case SagaEvents.StockReserved reserved -> saga.stockReserved(reserved.eventId(), reserved.orderId());
            case SagaEvents.StockRejected rejected ->
                saga.stockRejected(rejected.eventId(), rejected.orderId(), rejected.reason());
            case SagaEvents.PaymentCompleted paid ->
                saga.paymentCompleted(paid.eventId(), paid.orderId(), paid.paymentId());
            case SagaEvents.PaymentDeclined declined ->
                saga.paymentDeclined(declined.eventId(), declined.orderId(), declined.reason());
            case SagaEvents.Other other -> {}
        }
    }
}
