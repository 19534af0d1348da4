/** The events order-service reads from other services, in its own tolerant types, and the listener for them. */
@NullMarked
package io.cloudshop.orders.order.messaging;

import org.jspecify.annotations.NullMarked;
