@NullMarked
package io.cloudshop.products;

import org.jspecify.annotations.NullMarked;
