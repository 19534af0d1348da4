/** Orders placed by customers and the state of their saga. */
@NullMarked
package io.cloudshop.orders.order;

import org.jspecify.annotations.NullMarked;
