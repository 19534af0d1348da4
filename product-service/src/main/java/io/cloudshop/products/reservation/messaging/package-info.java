/** The events product-service reads from other services, in its own tolerant types, and the listener for them. */
@NullMarked
package io.cloudshop.products.reservation.messaging;

import org.jspecify.annotations.NullMarked;
