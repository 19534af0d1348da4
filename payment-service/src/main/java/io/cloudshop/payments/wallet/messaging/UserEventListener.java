package io.cloudshop.payments.wallet.messaging;

import io.cloudshop.common.messaging.EventReader;
import io.cloudshop.payments.Topics;
import io.cloudshop.payments.wallet.Wallets;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding;
import io.github.springwolf.core.asyncapi.annotations.AsyncListener;
import io.github.springwolf.core.asyncapi.annotations.AsyncMessage;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Opens a wallet for every registered customer. Opening is idempotent by itself (one wallet per customer, created if
 * absent), so redeliveries need no ledger; a wallet is also opened on first use, should this event come late.
 */
@Component
class UserEventListener {

    private static final String READ =
            "Read by payment-service (group payment-service.users) to open the customer's wallet; other types are ignored.";

    private final Wallets wallets;

    UserEventListener(Wallets wallets) {
        this.wallets = wallets;
    }

    @AsyncListener(
            operation =
                    @AsyncOperation(
                            channelName = Topics.USERS,
                            description = READ,
                            payloadType = UserEvents.Registered.class,
                            message = @AsyncMessage(name = "UserRegistered", title = "UserRegistered")))
    @KafkaAsyncOperationBinding(groupId = "payment-service.users")
    @KafkaListener(id = "payment-service.users", topics = Topics.USERS)
    void on(ConsumerRecord<String, byte[]> record) {
        if (EventReader.read(record.value(), UserEvents.class) instanceof UserEvents.Registered registered) {
            wallets.of(registered.userId());
        }
    }
}
