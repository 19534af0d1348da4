/** HTTP adapter of the orders: {@code /api/v1/orders}. */
@NullMarked
package io.cloudshop.orders.order.web;

import org.jspecify.annotations.NullMarked;
