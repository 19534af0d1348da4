package io.cloudshop.payments.payment;

import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads of payments, scoped to what the caller may see: a customer their own, an admin all. */
@Service
public class PaymentQueries {

    private final Payments payments;

    PaymentQueries(Payments payments) {
        this.payments = payments;
    }

    /** One page of the payments the caller may see, all of them or only {@code orderId}'s. */
    @Transactional(readOnly = true)
    public Page<Payment> list(UUID callerId, boolean admin, @Nullable UUID orderId, Pageable pageable) {
        if (admin) {
            return orderId == null ? payments.findAllBy(pageable) : payments.findByOrderId(orderId, pageable);
        }
        return orderId == null
                ? payments.findByCustomerId(callerId, pageable)
                : payments.findByCustomerIdAndOrderId(callerId, orderId, pageable);
    }

    /**
     * One payment: the caller's own, or any for an admin.
     *
     * @throws PaymentNotFoundException when there is none, or it is another customer's (answered exactly alike)
     */
    @Transactional(readOnly = true)
    public Payment get(UUID id, UUID callerId, boolean admin) {
        return payments.findById(id)
                .filter(payment -> admin || payment.customerId().equals(callerId))
                .orElseThrow(PaymentNotFoundException::new);
    }
}
