package io.cloudshop.orders.order;

import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** All orders. */
public interface Orders extends Repository<Order, UUID> {

    Page<Order> findAllBy(Pageable pageable);

    Page<Order> findByCustomerId(UUID customerId, Pageable pageable);
}
