package io.cloudshop.testsupport.shapes.bad.order;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/** Breaks two rules: it publishes the aggregate's event itself, in a transaction it programs. */
class OrderPlacement {

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    OrderPlacement(ApplicationEventPublisher events, TransactionTemplate transaction) {
        this.events = events;
        this.transaction = transaction;
    }

    void place(Order order) {
        transaction.executeWithoutResult(status -> events.publishEvent(order));
    }
}
