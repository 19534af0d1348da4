/** HTTP adapter of the payments: {@code /api/v1/payments}. */
@NullMarked
package io.cloudshop.payments.payment.web;

import org.jspecify.annotations.NullMarked;
