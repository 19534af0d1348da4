@NullMarked
package io.cloudshop.payments;

import org.jspecify.annotations.NullMarked;
