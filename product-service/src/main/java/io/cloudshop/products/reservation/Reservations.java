package io.cloudshop.products.reservation;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.repository.Repository;

/** Every order's reservation, by order id. */
interface Reservations extends Repository<Reservation, UUID> {

    Optional<Reservation> findById(UUID orderId);

    boolean existsById(UUID orderId);

    Reservation save(Reservation reservation);
}
