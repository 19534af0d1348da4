/** Payments taken (and refunded) for orders. */
@NullMarked
package io.cloudshop.payments.payment;

import org.jspecify.annotations.NullMarked;
