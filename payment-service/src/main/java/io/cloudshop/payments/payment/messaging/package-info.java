/** The events payment-service reads from other services, in its own tolerant types, and the listener for them. */
@NullMarked
package io.cloudshop.payments.payment.messaging;

import org.jspecify.annotations.NullMarked;
