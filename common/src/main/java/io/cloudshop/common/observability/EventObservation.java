package io.cloudshop.common.observability;

import io.micrometer.common.KeyValues;
import io.micrometer.observation.Observation;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.kafka.listener.RecordInterceptor;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.micrometer.KafkaRecordSenderContext;
import org.springframework.kafka.support.micrometer.KafkaTemplateObservation.DefaultKafkaTemplateObservationConvention;

/**
 * What a Kafka send or receive tells operators beyond spring-kafka's defaults (topic, partition, offset, group):
 *
 * <ul>
 *   <li>{@value #EVENT_TYPE}: the event's type, a low-cardinality tag, so it is on the span and splits the
 *       {@code spring.kafka.template} and {@code spring.kafka.listener} timers by event;
 *   <li>{@value #ORDER_ID}: the order the event belongs to, on the span only (search Zipkin by it), and in the
 *       consumer's MDC as {@value #ORDER_ID_MDC} while the listener runs, so its log lines carry it.
 * </ul>
 */
final class EventObservation {

    static final String EVENT_TYPE = "cloudshop.event.type";
    static final String ORDER_ID = "cloudshop.order.id";
    static final String ORDER_ID_MDC = "orderId";
    static final String EVENT_TYPE_MDC = "eventType";

    private EventObservation() {}

    static KeyValues type(EventEnvelope event) {
        return KeyValues.of(EVENT_TYPE, event.typeIfKnown().orElse("unknown"));
    }

    static KeyValues orderId(EventEnvelope event) {
        return event.orderIdIfKnown().map(id -> KeyValues.of(ORDER_ID, id)).orElse(KeyValues.empty());
    }

    /** Read once per send or receive: the low- and high-cardinality tags of one observation share it. */
    private static EventEnvelope envelope(Observation.Context context, @Nullable Object value) {
        return context.computeIfAbsent(EventEnvelope.class, key -> EventEnvelope.of(value));
    }

    static final class Sending extends DefaultKafkaTemplateObservationConvention {

        @Override
        public KeyValues getLowCardinalityKeyValues(KafkaRecordSenderContext context) {
            return super.getLowCardinalityKeyValues(context)
                    .and(type(envelope(context, context.getRecord().value())));
        }

        @Override
        public KeyValues getHighCardinalityKeyValues(KafkaRecordSenderContext context) {
            return super.getHighCardinalityKeyValues(context)
                    .and(orderId(envelope(context, context.getRecord().value())));
        }
    }

    static final class Receiving extends DefaultKafkaListenerObservationConvention {

        @Override
        public KeyValues getLowCardinalityKeyValues(KafkaRecordReceiverContext context) {
            return super.getLowCardinalityKeyValues(context)
                    .and(type(envelope(context, context.getRecord().value())));
        }

        @Override
        public KeyValues getHighCardinalityKeyValues(KafkaRecordReceiverContext context) {
            return super.getHighCardinalityKeyValues(context)
                    .and(orderId(envelope(context, context.getRecord().value())));
        }
    }

    /** The order id and event type in the MDC for as long as the listener (and its error handling) runs. */
    static final class LogContext implements RecordInterceptor<Object, Object> {

        @Override
        public @Nullable ConsumerRecord<Object, Object> intercept(
                ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
            EventEnvelope event = EventEnvelope.of(record.value());
            event.orderIdIfKnown().ifPresent(id -> MDC.put(ORDER_ID_MDC, id));
            event.typeIfKnown().ifPresent(type -> MDC.put(EVENT_TYPE_MDC, type));
            return record;
        }

        @Override
        public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
            MDC.remove(ORDER_ID_MDC);
            MDC.remove(EVENT_TYPE_MDC);
        }
    }
}
