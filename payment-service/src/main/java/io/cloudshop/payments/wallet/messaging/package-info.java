/** user-service's events as payment-service reads them: a registration opens the customer's wallet. */
@NullMarked
package io.cloudshop.payments.wallet.messaging;

import org.jspecify.annotations.NullMarked;
