package io.cloudshop.orders.order;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cloudshop.orders.order.OrderFinished.OrderCancelled;
import io.cloudshop.orders.order.OrderFinished.OrderConfirmed;
import io.cloudshop.orders.order.OrderFinished.OrderRejected;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The order's rules and state machine, without Spring or a database. */
class OrderTests {

    private static final UUID CUSTOMER = UUID.randomUUID();
    private static final UUID PAYMENT = UUID.randomUUID();

    @Test
    void aPlacedOrderIsPendingWithTheTotalOfItsLinesAndAnnouncesItself() {
        OrderLine pens = new OrderLine(UUID.randomUUID(), "Pen", 3, new BigDecimal("1.50"));
        OrderLine ink = new OrderLine(UUID.randomUUID(), "Ink", 1, new BigDecimal("7.25"));

        Order order = Order.place(CUSTOMER, List.of(pens, ink), "EUR");

        assertThat(order.status()).isEqualTo(OrderStatus.PENDING);
        assertThat(order.totalAmount()).isEqualByComparingTo("11.75");
        assertThat(steps(order)).containsExactly("PLACED");
        assertThat(events(order)).singleElement().isInstanceOfSatisfying(OrderPlaced.class, placed -> {
            assertThat(placed.orderId()).isEqualTo(order.id());
            assertThat(placed.customerId()).isEqualTo(CUSTOMER);
            assertThat(placed.total()).isEqualTo(Money.of(order.totalAmount(), "EUR"));
            assertThat(placed.lines())
                    .extracting(OrderPlaced.Line::productId, OrderPlaced.Line::quantity)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(pens.productId(), 3),
                            org.assertj.core.groups.Tuple.tuple(ink.productId(), 1));
        });
    }

    @Test
    void anOrderNeedsALine() {
        assertThatThrownBy(() -> Order.place(CUSTOMER, List.of(), "EUR")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void paymentConfirmsAPendingOrder() {
        Order order = placed();

        order.confirm(PAYMENT);

        assertThat(order.status()).isEqualTo(OrderStatus.CONFIRMED);
        assertThat(steps(order)).containsExactly("PLACED", "CONFIRMED");
        assertThat(events(order)).last().isInstanceOf(OrderConfirmed.class);
    }

    @Test
    void rejectedStockRejectsAPendingOrder() {
        Order order = placed();

        order.reject("OUT_OF_STOCK");

        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(events(order))
                .last()
                .isInstanceOfSatisfying(
                        OrderRejected.class,
                        rejected -> assertThat(rejected.reason()).isEqualTo("OUT_OF_STOCK"));
    }

    @Test
    void cancellingAConfirmedOrderSaysItWasConfirmedSoTheSaleIsUndone() {
        Order order = placed();
        order.confirm(PAYMENT);

        assertThat(order.cancel("CUSTOMER")).isTrue();

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(events(order)).last().isInstanceOfSatisfying(OrderCancelled.class, cancelled -> {
            assertThat(cancelled.reason()).isEqualTo("CUSTOMER");
            assertThat(cancelled.wasConfirmed()).isTrue();
        });
    }

    @Test
    void cancellingAPendingOrderSaysNothingWasSold() {
        Order order = placed();

        assertThat(order.cancel("TIMEOUT")).isTrue();

        assertThat(events(order))
                .last()
                .isInstanceOfSatisfying(
                        OrderCancelled.class,
                        cancelled -> assertThat(cancelled.wasConfirmed()).isFalse());
    }

    @Test
    void aFinishedOrderCannotBeCancelledAgainAndAnnouncesNothingMore() {
        Order rejected = placed();
        rejected.reject("OUT_OF_STOCK");
        Order cancelled = placed();
        cancelled.cancel("TIMEOUT");

        assertThat(rejected.cancel("TIMEOUT")).isFalse();
        assertThat(cancelled.cancel("PAYMENT_DECLINED")).isFalse();

        assertThat(rejected.status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(events(rejected)).hasSize(2);
        assertThat(events(cancelled)).hasSize(2);
    }

    @Test
    void aCustomerCancellingAFinishedOrderIsRefused() {
        Order order = placed();
        order.reject("OUT_OF_STOCK");

        assertThatThrownBy(order::cancelOnRequest)
                .isInstanceOf(OrderFinishedException.class)
                .hasMessage("The order is already REJECTED and cannot be cancelled.");
        assertThat(order.status()).isEqualTo(OrderStatus.REJECTED);
    }

    @Test
    void eventsArrivingAfterTheOrderFinishedAreRecordedAndIgnored() {
        Order order = placed();
        order.cancel("TIMEOUT");

        order.confirm(PAYMENT);
        order.reject("OUT_OF_STOCK");

        assertThat(order.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(steps(order)).containsExactly("PLACED", "CANCELLED", "LATE_EVENT_IGNORED", "LATE_EVENT_IGNORED");
        assertThat(events(order)).hasSize(2);
    }

    @Test
    void everyStepMovesTheTimeoutClock() {
        Order order = placed();
        order.note("STOCK_RESERVED", "reservation 1");

        assertThat(order.timeline()).extracting(Order.Step::detail).containsExactly(null, "reservation 1");
        assertThat(ReflectionTestUtils.getField(order, "lastProgressAt"))
                .isEqualTo(order.timeline().getLast().at());
    }

    private static Order placed() {
        return Order.place(CUSTOMER, List.of(new OrderLine(UUID.randomUUID(), "Pen", 1, BigDecimal.TEN)), "EUR");
    }

    private static List<String> steps(Order order) {
        return order.timeline().stream().map(Order.Step::step).toList();
    }

    /** What the repository's save would hand to the outbox. */
    private static List<Object> events(Order order) {
        Collection<?> events = ReflectionTestUtils.invokeMethod(order, "domainEvents");
        return List.copyOf(events);
    }
}
