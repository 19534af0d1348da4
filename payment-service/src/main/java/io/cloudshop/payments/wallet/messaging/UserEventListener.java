package io.cloudshop.payments.wallet.messaging;

import io.cloudshop.common.messaging.EventReader;
import io.cloudshop.payments.Topics;
import io.cloudshop.payments.wallet.Wallets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Opens a wallet for every registered customer. Opening is idempotent by itself (one wallet per customer, created if
 * absent), so redeliveries need no ledger; a wallet is also opened on first use, should this event come late.
 */
@Component
class UserEventListener {

    private final Wallets wallets;

    UserEventListener(Wallets wallets) {
        this.wallets = wallets;
    }

    @KafkaListener(id = "payment-service.users", topics = Topics.USERS)
    void on(ConsumerRecord<String, byte[]> record) {
        if (EventReader.read(record.value(), UserEvents.class) instanceof UserEvents.Registered registered) {
            wallets.of(registered.userId());
        }
    }
}
