/** The wallet API: a customer's own wallet and top-ups. */
@NullMarked
package io.cloudshop.payments.wallet.web;

import org.jspecify.annotations.NullMarked;
