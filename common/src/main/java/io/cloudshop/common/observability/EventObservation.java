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
 *   <li>where the service names a correlation member ({@link EventCorrelationProperties}, the saga's services:
 *       {@code orderId} as {@code cloudshop.order.id}), the id the event is about, on the span only (search Zipkin by
 *       it), and in the consumer's MDC while the listener runs, so its log lines carry it.
 * </ul>
 */
final class EventObservation {

    static final String EVENT_TYPE = "cloudshop.event.type";
    static final String EVENT_TYPE_MDC = "eventType";

    private EventObservation() {}

    static KeyValues type(EventEnvelope event) {
        return KeyValues.of(EVENT_TYPE, event.typeIfKnown().orElse("unknown"));
    }

    static KeyValues correlation(EventEnvelope event, EventCorrelationProperties correlation) {
        String tag = correlation.tag();
        return tag == null
                ? KeyValues.empty()
                : event.correlationIdIfKnown().map(id -> KeyValues.of(tag, id)).orElse(KeyValues.empty());
    }

    /** Read once per send or receive: the low- and high-cardinality tags of one observation share it. */
    private static EventEnvelope envelope(
            Observation.Context context, @Nullable Object value, EventCorrelationProperties correlation) {
        return context.computeIfAbsent(EventEnvelope.class, key -> EventEnvelope.of(value, correlation.member()));
    }

    static final class Sending extends DefaultKafkaTemplateObservationConvention {

        private final EventCorrelationProperties correlation;

        Sending(EventCorrelationProperties correlation) {
            this.correlation = correlation;
        }

        @Override
        public KeyValues getLowCardinalityKeyValues(KafkaRecordSenderContext context) {
            return super.getLowCardinalityKeyValues(context)
                    .and(type(envelope(context, context.getRecord().value(), correlation)));
        }

        @Override
        public KeyValues getHighCardinalityKeyValues(KafkaRecordSenderContext context) {
            return super.getHighCardinalityKeyValues(context)
                    .and(correlation(envelope(context, context.getRecord().value(), correlation), correlation));
        }
    }

    static final class Receiving extends DefaultKafkaListenerObservationConvention {

        private final EventCorrelationProperties correlation;

        Receiving(EventCorrelationProperties correlation) {
            this.correlation = correlation;
        }

        @Override
        public KeyValues getLowCardinalityKeyValues(KafkaRecordReceiverContext context) {
            return super.getLowCardinalityKeyValues(context)
                    .and(type(envelope(context, context.getRecord().value(), correlation)));
        }

        @Override
        public KeyValues getHighCardinalityKeyValues(KafkaRecordReceiverContext context) {
            return super.getHighCardinalityKeyValues(context)
                    .and(correlation(envelope(context, context.getRecord().value(), correlation), correlation));
        }
    }

    /** The event type and correlation id in the MDC for as long as the listener (and its error handling) runs. */
    static final class LogContext implements RecordInterceptor<Object, Object> {

        private final EventCorrelationProperties correlation;

        LogContext(EventCorrelationProperties correlation) {
            this.correlation = correlation;
        }

        @Override
        public @Nullable ConsumerRecord<Object, Object> intercept(
                ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
            EventEnvelope event = EventEnvelope.of(record.value(), correlation.member());
            String key = correlation.mdc();
            if (key != null) {
                event.correlationIdIfKnown().ifPresent(id -> MDC.put(key, id));
            }
            event.typeIfKnown().ifPresent(type -> MDC.put(EVENT_TYPE_MDC, type));
            return record;
        }

        @Override
        public void afterRecord(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
            String key = correlation.mdc();
            if (key != null) {
                MDC.remove(key);
            }
            MDC.remove(EVENT_TYPE_MDC);
        }
    }
}
