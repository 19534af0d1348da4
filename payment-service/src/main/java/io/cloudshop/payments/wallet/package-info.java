/**
 * Customers' wallets: a balance in one currency and the append-only ledger of every change to it (top-ups, charges,
 * refunds), kept consistent in one transaction and guarded by unique constraints against double charges and refunds.
 */
@NullMarked
package io.cloudshop.payments.wallet;

import org.jspecify.annotations.NullMarked;
