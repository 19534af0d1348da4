@NullMarked
package io.cloudshop.orders;

import org.jspecify.annotations.NullMarked;
