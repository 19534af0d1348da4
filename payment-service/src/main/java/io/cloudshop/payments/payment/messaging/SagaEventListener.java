package io.cloudshop.payments.payment.messaging;

import io.cloudshop.common.messaging.EventReader;
import io.cloudshop.payments.Topics;
import io.cloudshop.payments.payment.PaymentProcessing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reservations (charge) and cancellations (refund), in order per order (both topics are keyed by order id). Failures
 * are retried, then dead-lettered to {@code <topic>.payment-service.DLT} (see common's messaging configuration).
 */
@Component
class SagaEventListener {

    private final PaymentProcessing payments;

    SagaEventListener(PaymentProcessing payments) {
        this.payments = payments;
    }

    @KafkaListener(
            id = "payment-service.saga",
            topics = {Topics.INVENTORY, Topics.ORDERS})
    void on(ConsumerRecord<String, byte[]> record) {
        switch (EventReader.read(record.value(), SagaEvents.class)) {
            case SagaEvents.StockReserved reserved ->
                payments.charge(
                        reserved.eventId(),
                        reserved.orderId(),
                        reserved.customerId(),
                        reserved.total().amount(),
                        reserved.total().currency());
            case SagaEvents.OrderCancelled cancelled -> payments.refund(cancelled.eventId(), cancelled.orderId());
            case SagaEvents.Other other -> {}
        }
    }
}
