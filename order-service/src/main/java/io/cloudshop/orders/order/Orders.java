package io.cloudshop.orders.order;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** All orders. */
public interface Orders extends Repository<Order, UUID> {

    Optional<Order> findById(UUID id);

    Page<Order> findAllBy(Pageable pageable);

    Page<Order> findByCustomerId(UUID customerId, Pageable pageable);

    Order save(Order order);

    Order saveAndFlush(Order order);
}
