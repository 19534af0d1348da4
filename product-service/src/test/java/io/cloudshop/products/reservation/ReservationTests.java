package io.cloudshop.products.reservation;

import static org.assertj.core.api.Assertions.assertThat;

import io.cloudshop.products.product.Money;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.test.util.ReflectionTestUtils;

/** The reservation's state machine and the events it raises, without Spring or a database. */
class ReservationTests {

    private static final UUID ORDER = UUID.randomUUID();
    private static final UUID CUSTOMER = UUID.randomUUID();
    private static final UUID PEN = UUID.randomUUID();
    private static final List<Line> LINES = List.of(new Line(PEN, 2));
    private static final Money TOTAL = new Money(new BigDecimal("3.00"), "EUR");

    @Test
    void aReservationHoldsItsLinesAndAnnouncesThemWithTheOrdersTotal() {
        Reservation reservation = Reservation.reserved(ORDER, CUSTOMER, LINES, TOTAL);

        assertThat(reservation.status()).isEqualTo(ReservationStatus.RESERVED);
        assertThat(reservation.holdsStock()).isTrue();
        assertThat(reservation.lines()).isEqualTo(LINES);
        assertThat(events(reservation)).singleElement().isInstanceOfSatisfying(StockReserved.class, reserved -> {
            assertThat(reserved.orderId()).isEqualTo(ORDER);
            assertThat(reserved.customerId()).isEqualTo(CUSTOMER);
            assertThat(reserved.total()).isEqualTo(TOTAL);
            assertThat(reserved.lines()).containsExactly(new Line(PEN, 2));
        });
    }

    @Test
    void aReleasedReservationHoldsNothingAndSaysSo() {
        Reservation reservation = Reservation.reserved(ORDER, CUSTOMER, LINES, TOTAL);

        reservation.release();

        assertThat(reservation.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(reservation.holdsStock()).isFalse();
        assertThat(events(reservation)).last().isInstanceOf(StockReleased.class);
    }

    @Test
    void aSoldReservationStillHoldsStockThatACancellationGivesBack() {
        Reservation reservation = Reservation.reserved(ORDER, CUSTOMER, LINES, TOTAL);

        reservation.sell();

        assertThat(reservation.status()).isEqualTo(ReservationStatus.SOLD);
        assertThat(reservation.holdsStock()).isTrue();
        assertThat(events(reservation)).as("a sale announces nothing").hasSize(1);
    }

    @Test
    void onlyAHeldReservationIsSold() {
        Reservation released = Reservation.reserved(ORDER, CUSTOMER, LINES, TOTAL);
        released.release();
        Reservation rejected = Reservation.rejected(ORDER, CUSTOMER, List.of());

        released.sell();
        rejected.sell();

        assertThat(released.status()).isEqualTo(ReservationStatus.RELEASED);
        assertThat(rejected.status()).isEqualTo(ReservationStatus.REJECTED);
    }

    @Test
    void aRejectionHoldsNothingAndNamesTheShortLines() {
        StockRejected.Line short1 = new StockRejected.Line(PEN, 2, 1);

        Reservation rejected = Reservation.rejected(ORDER, CUSTOMER, List.of(short1));

        assertThat(rejected.holdsStock()).isFalse();
        assertThat(rejected.lines()).isEmpty();
        assertThat(events(rejected)).singleElement().isInstanceOfSatisfying(StockRejected.class, event -> {
            assertThat(event.reason()).isEqualTo("OUT_OF_STOCK");
            assertThat(event.lines()).containsExactly(short1);
        });
    }

    @Test
    void aCancellationThatOvertookItsOrderHoldsNothingAndAnnouncesNothing() {
        Reservation overtaken = Reservation.cancelledBeforePlaced(ORDER);

        assertThat(overtaken.status()).isEqualTo(ReservationStatus.CANCELLED);
        assertThat(overtaken.holdsStock()).isFalse();
        assertThat(events(overtaken)).isEmpty();
    }

    /** What the repository's save would hand to the outbox. */
    private static List<Object> events(Reservation reservation) {
        Collection<?> events = ReflectionTestUtils.invokeMethod(reservation, "domainEvents");
        return List.copyOf(events);
    }
}
