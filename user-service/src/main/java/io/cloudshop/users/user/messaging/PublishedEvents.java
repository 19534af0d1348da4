package io.cloudshop.users.user.messaging;

import io.cloudshop.users.Topics;
import io.cloudshop.users.user.UserEvent;
import io.cloudshop.users.user.UserRegistered;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding.KafkaAsyncKey;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding.KafkaAsyncKey.KafkaKeyTypes;
import io.github.springwolf.bindings.kafka.annotations.KafkaAsyncOperationBinding.KafkaAsyncMessageBinding;
import io.github.springwolf.core.asyncapi.annotations.AsyncMessage;
import io.github.springwolf.core.asyncapi.annotations.AsyncOperation;
import io.github.springwolf.core.asyncapi.annotations.AsyncPublisher;
import org.springframework.stereotype.Component;

/**
 * What user-service publishes, for its AsyncAPI document (common's {@code AsyncApiAutoConfiguration}): every
 * {@link UserEvent} on {@value Topics#USERS}, keyed by user id. Declared here because no method of the service sends
 * them: the user raises them and the outbox sends them after its transaction commits.
 */
@Component
class PublishedEvents {

    private static final String USER_REGISTERED =
            "A customer registered; payment-service opens their wallet. No email or"
                    + " name: personal data stays in user-service.";

    private static final String KEY = "The user's id";

    private static final String TOPIC = "user-service's account events, in order per user.";

    @AsyncPublisher(
            operation =
                    @AsyncOperation(
                            channelName = Topics.USERS,
                            description = TOPIC,
                            payloadType = UserRegistered.class,
                            message =
                                    @AsyncMessage(
                                            name = "UserRegistered",
                                            title = "UserRegistered",
                                            description = USER_REGISTERED)))
    @KafkaAsyncOperationBinding(
            messageBinding =
                    @KafkaAsyncMessageBinding(
                            key =
                                    @KafkaAsyncKey(
                                            type = KafkaKeyTypes.STRING_KEY,
                                            description = KEY,
                                            example = "0b1e8a52-3c7e-4c1f-9d2a-6f5e4b3a2c10")))
    void userEvents(UserEvent event) {
        // Nothing to do: this method only carries the declarations above.
    }
}
