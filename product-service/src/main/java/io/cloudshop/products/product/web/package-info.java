/** HTTP adapter of the catalog: {@code /api/v1/products}. */
@NullMarked
package io.cloudshop.products.product.web;

import org.jspecify.annotations.NullMarked;
