package io.cloudshop.payments.payment.messaging;

import io.cloudshop.common.messaging.EventReader;
import io.cloudshop.payments.Topics;
import io.cloudshop.payments.payment.PaymentProcessing;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding;
import io.github.springwolf.core.asyncapi.annotations.AsyncListener;
import io.github.springwolf.core.asyncapi.annotations.AsyncMessage;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Reservations (charge) and cancellations (refund), in order per order (both topics are keyed by order id). Failures
 * are retried, then dead-lettered to {@code <topic>.payment-service.DLT} (see common's messaging configuration). The
 * types it acts on are declared for the AsyncAPI document, named as on the wire; it reads every other type as nothing
 * to do.
 */
@Component
class SagaEventListener {

    private static final String READ =
            "Read by payment-service (group payment-service.saga) to charge or refund; other types are ignored.";

    private final PaymentProcessing payments;

    SagaEventListener(PaymentProcessing payments) {
        this.payments = payments;
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
                            channelName = Topics.ORDERS,
                            description = READ,
                            payloadType = SagaEvents.OrderCancelled.class,
                            message = @AsyncMessage(name = "OrderCancelled", title = "OrderCancelled")))
    @KafkaAsyncOperationBinding(groupId = "payment-service.saga")
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
