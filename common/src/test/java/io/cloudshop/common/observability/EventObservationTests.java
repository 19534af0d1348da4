package io.cloudshop.common.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.common.KeyValue;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.micrometer.KafkaRecordSenderContext;

/**
 * Event type and, as the saga's services configure it, order id on Kafka spans, metrics and log lines, and nothing
 * else from the payload.
 */
class EventObservationTests {

    static final EventCorrelationProperties ORDERS =
            new EventCorrelationProperties("orderId", "cloudshop.order.id", "orderId");

    record OrderPlaced(UUID eventId, String type, UUID orderId, UUID customerId, String email) {}

    record UserRegistered(UUID eventId, String type, UUID userId, String email) {}

    private final UUID order = UUID.randomUUID();

    @Test
    void aSentEventIsTaggedWithItsTypeAndOrder() {
        var context = new KafkaRecordSenderContext(
                new ProducerRecord<>(
                        "orders.events",
                        order.toString(),
                        new OrderPlaced(UUID.randomUUID(), "OrderPlaced", order, UUID.randomUUID(), "a@b.c")),
                "kafkaTemplate",
                () -> "cluster");
        var convention = new EventObservation.Sending(ORDERS);

        assertThat(convention.getLowCardinalityKeyValues(context))
                .contains(KeyValue.of("cloudshop.event.type", "OrderPlaced"))
                .extracting(KeyValue::getKey)
                .contains("messaging.destination.name")
                .doesNotContain("cloudshop.order.id");
        assertThat(convention.getHighCardinalityKeyValues(context))
                .containsExactly(KeyValue.of("cloudshop.order.id", order.toString()));
    }

    @Test
    void aReceivedEventIsTaggedFromItsJsonAndTheRestIsNeverRead() {
        var context = received("""
                {"eventId": "%s", "lines": [{"type": "Nested"}], "type": "StockReserved",
                 "orderId": "%s", "email": "someone@example.com"}""".formatted(UUID.randomUUID(), order));
        var convention = new EventObservation.Receiving(ORDERS);

        assertThat(convention.getLowCardinalityKeyValues(context))
                .contains(KeyValue.of("cloudshop.event.type", "StockReserved"));
        assertThat(convention.getHighCardinalityKeyValues(context))
                .contains(KeyValue.of("cloudshop.order.id", order.toString()))
                .noneMatch(tag -> tag.getValue().contains("example.com"));
    }

    @Test
    void eventsOutsideTheSagaHaveATypeButNoOrder() {
        var envelope =
                EventEnvelope.of(new UserRegistered(UUID.randomUUID(), "UserRegistered", order, "a@b.c"), "orderId");

        assertThat(envelope).isEqualTo(new EventEnvelope("UserRegistered", null));
    }

    @Test
    void whatIsNotAnEnvelopeTagsNothingAndNeverFails() {
        assertThat(EventEnvelope.of("not json".getBytes(StandardCharsets.UTF_8), "orderId"))
                .isEqualTo(EventEnvelope.NONE);
        assertThat(EventEnvelope.of("[1, 2]".getBytes(StandardCharsets.UTF_8), "orderId"))
                .isEqualTo(EventEnvelope.NONE);
        assertThat(EventEnvelope.of(new byte[0], "orderId")).isEqualTo(EventEnvelope.NONE);
        assertThat(EventEnvelope.of(null, "orderId")).isEqualTo(EventEnvelope.NONE);
        assertThat(EventEnvelope.of("a plain string", "orderId")).isEqualTo(EventEnvelope.NONE);
        // Producer text that is not a type name or an order id never becomes a tag value.
        assertThat(EventEnvelope.of("""
                {"type": "drop table orders; --", "orderId": "someone@example.com"}""".getBytes(StandardCharsets.UTF_8), "orderId"))
                .isEqualTo(EventEnvelope.NONE);
        // Cut short: what was read before the damage still counts.
        assertThat(EventEnvelope.of(
                        "{\"type\": \"OrderPlaced\", \"orderId\": ".getBytes(StandardCharsets.UTF_8), "orderId"))
                .isEqualTo(new EventEnvelope("OrderPlaced", null));
        assertThat(new EventObservation.Receiving(ORDERS).getLowCardinalityKeyValues(received("{oops")))
                .contains(KeyValue.of("cloudshop.event.type", "unknown"));
    }

    @Test
    void theListenerLogsWithTheOrderIdAndForgetsItAfterwards() {
        var interceptor = new EventObservation.LogContext(ORDERS);
        ConsumerRecord<Object, Object> record = new ConsumerRecord<>(
                "inventory.events",
                0,
                0,
                order.toString(),
                "{\"type\": \"StockReserved\", \"orderId\": \"%s\"}"
                        .formatted(order)
                        .getBytes(StandardCharsets.UTF_8));

        interceptor.intercept(record, null);
        assertThat(MDC.get("orderId")).isEqualTo(order.toString());
        assertThat(MDC.get("eventType")).isEqualTo("StockReserved");

        interceptor.afterRecord(record, null);
        assertThat(MDC.get("orderId")).isNull();
        assertThat(MDC.get("eventType")).isNull();
    }

    @Test
    void aServiceThatNamesNoCorrelationMemberTagsTheTypeOnly() {
        var context = received("{\"type\": \"StockReserved\", \"orderId\": \"%s\"}".formatted(order));
        var convention = new EventObservation.Receiving(EventCorrelationProperties.none());

        assertThat(convention.getLowCardinalityKeyValues(context))
                .contains(KeyValue.of("cloudshop.event.type", "StockReserved"));
        assertThat(convention.getHighCardinalityKeyValues(context))
                .extracting(KeyValue::getKey)
                .doesNotContain("cloudshop.order.id");
    }

    @Test
    void aCorrelationMemberNeedsItsTagAndMdcKey() {
        assertThatThrownBy(() -> new EventCorrelationProperties("orderId", null, "orderId"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("correlation.member needs .tag and .mdc");
    }

    private static KafkaRecordReceiverContext received(String json) {
        return new KafkaRecordReceiverContext(
                new ConsumerRecord<>("inventory.events", 0, 42L, "key", json.getBytes(StandardCharsets.UTF_8)),
                "listener",
                () -> "cluster");
    }
}
