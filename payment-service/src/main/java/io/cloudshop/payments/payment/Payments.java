package io.cloudshop.payments.payment;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.repository.Repository;

/** All payments. */
public interface Payments extends Repository<Payment, UUID> {

    Optional<Payment> findById(UUID id);

    Page<Payment> findAllBy(Pageable pageable);

    Page<Payment> findByCustomerId(UUID customerId, Pageable pageable);

    Optional<Payment> findByOrderId(UUID orderId);

    Page<Payment> findByOrderId(UUID orderId, Pageable pageable);

    Page<Payment> findByCustomerIdAndOrderId(UUID customerId, UUID orderId, Pageable pageable);

    Payment save(Payment payment);
}
