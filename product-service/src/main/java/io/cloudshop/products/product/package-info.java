/** The product catalog: products with their price and stock. */
@NullMarked
package io.cloudshop.products.product;

import org.jspecify.annotations.NullMarked;
