/** The saga as operators see it: {@code /actuator/saga}. */
@NullMarked
package io.cloudshop.orders.order.ops;

import org.jspecify.annotations.NullMarked;
