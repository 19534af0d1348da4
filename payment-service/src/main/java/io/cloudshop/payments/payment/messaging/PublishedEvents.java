package io.cloudshop.payments.payment.messaging;

import io.cloudshop.payments.Topics;
import io.cloudshop.payments.payment.PaymentEvent;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding.KafkaAsyncKey;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding.KafkaAsyncKey.KafkaKeyTypes;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding.KafkaAsyncMessageBinding;
import io.github.springwolf.core.asyncapi.annotations.AsyncMessage;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.springframework.stereotype.Component;

/**
 * What payment-service publishes, for its AsyncAPI document (common's {@code AsyncApiAutoConfiguration}): every
 * {@link PaymentEvent} on {@value Topics#PAYMENTS}, keyed by order id. Declared here because no method of the service
 * sends them: the payment raises them and the outbox sends them after its transaction commits.
 */
@Component
class PublishedEvents {

    private static final String PAYMENT_COMPLETED =
            "The customer's wallet was charged the order's total: the saga's pivot.";

    private static final String PAYMENT_DECLINED =
            "Nothing was charged: INSUFFICIENT_FUNDS, or CURRENCY_MISMATCH (the wallet"
                    + " holds another currency than the order's).";

    private static final String PAYMENT_REFUNDED = "A cancelled order's charge went back to the wallet.";

    private static final String TOPIC = "payment-service's charges, declines and refunds, in order per order.";

    private static final String KEY = "The order's id";

    @AsyncPublisher(
            operation =
                    @AsyncOperation(
                            channelName = Topics.PAYMENTS,
                            description = TOPIC,
                            payloadType = PaymentEvent.PaymentCompleted.class,
                            message =
                                    @AsyncMessage(
                                            name = "PaymentCompleted",
                                            title = "PaymentCompleted",
                                            description = PAYMENT_COMPLETED)))
    @AsyncPublisher(
            operation =
                    @AsyncOperation(
                            channelName = Topics.PAYMENTS,
                            description = TOPIC,
                            payloadType = PaymentEvent.PaymentDeclined.class,
                            message =
                                    @AsyncMessage(
                                            name = "PaymentDeclined",
                                            title = "PaymentDeclined",
                                            description = PAYMENT_DECLINED)))
    @AsyncPublisher(
            operation =
                    @AsyncOperation(
                            channelName = Topics.PAYMENTS,
                            description = TOPIC,
                            payloadType = PaymentEvent.PaymentRefunded.class,
                            message =
                                    @AsyncMessage(
                                            name = "PaymentRefunded",
                                            title = "PaymentRefunded",
                                            description = PAYMENT_REFUNDED)))
    @KafkaAsyncOperationBinding(
            messageBinding =
                    @KafkaAsyncMessageBinding(
                            key =
                                    @KafkaAsyncKey(
                                            type = KafkaKeyTypes.STRING_KEY,
                                            description = KEY,
                                            example = "0b1e8a52-3c7e-4c1f-9d2a-6f5e4b3a2c10")))
    void paymentEvents(PaymentEvent event) {
        // Nothing to do: this method only carries the declarations above.
    }
}
