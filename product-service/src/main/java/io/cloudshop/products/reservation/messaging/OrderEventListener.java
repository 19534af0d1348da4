package io.cloudshop.products.reservation.messaging;

import io.cloudshop.common.messaging.EventReader;
import io.cloudshop.products.Topics;
import io.cloudshop.products.reservation.StockReservation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * order-service's events, in order per order (they are keyed by order id). Failures are retried, then dead-lettered
 * to {@code orders.events.product-service.DLT} (see common's messaging configuration).
 */
@Component
class OrderEventListener {

    private final StockReservation stock;

    OrderEventListener(StockReservation stock) {
        this.stock = stock;
    }

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
