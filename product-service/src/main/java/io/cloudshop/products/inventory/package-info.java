/**
 * Stock on hand per product, changed only by explicit operations: set to a value (guarded by the version) or adjust by
 * a signed delta (atomic in the database, so concurrent adjustments add up). Stock never goes negative: refused here
 * with {@link io.cloudshop.products.inventory.InsufficientStockException}, and forbidden by a CHECK constraint
 * underneath.
 */
@NullMarked
package io.cloudshop.products.inventory;

import org.jspecify.annotations.NullMarked;
