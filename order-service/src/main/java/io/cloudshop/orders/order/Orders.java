package io.cloudshop.orders.order;

import jakarta.persistence.LockModeType;
import jakarta.persistence.QueryHint;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;
import org.springframework.data.repository.Repository;

/** All orders. */
public interface Orders extends Repository<Order, UUID> {

    Optional<Order> findById(UUID id);

    Page<Order> findAllBy(Pageable pageable);

    Page<Order> findByCustomerId(UUID customerId, Pageable pageable);

    Page<Order> findByStatus(OrderStatus status, Pageable pageable);

    Page<Order> findByCustomerIdAndStatus(UUID customerId, OrderStatus status, Pageable pageable);

    Order save(Order order);

    Order saveAndFlush(Order order);

    /**
     * The orders still PENDING whose saga has not moved since before {@code cutoff}, oldest first, locked; rows another instance's sweep holds are
     * skipped (SKIP LOCKED), so several instances never cancel the same order twice.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @QueryHints(@QueryHint(name = "jakarta.persistence.lock.timeout", value = "-2"))
    @Query("select o from Order o where o.status = io.cloudshop.orders.order.OrderStatus.PENDING"
            + " and o.lastProgressAt < :cutoff order by o.lastProgressAt")
    List<Order> findStale(Instant cutoff, Pageable page);
}
