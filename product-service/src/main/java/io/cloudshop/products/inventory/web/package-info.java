/** The admin API of the inventory: {@code /api/v1/products/{id}/inventory}. */
@NullMarked
package io.cloudshop.products.inventory.web;

import org.jspecify.annotations.NullMarked;
