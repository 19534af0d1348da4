package io.cloudshop.orders.order.messaging;

import io.cloudshop.common.messaging.EventReader;
import io.cloudshop.orders.Topics;
import io.cloudshop.orders.order.OrderSaga;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reservation and payment outcomes, in order per order (both topics are keyed by order id). Failures are retried, then
 * dead-lettered to {@code <topic>.order-service.DLT} (see common's messaging configuration).
 */
@Component
class SagaEventListener {

    private final OrderSaga saga;

    SagaEventListener(OrderSaga saga) {
        this.saga = saga;
    }

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
