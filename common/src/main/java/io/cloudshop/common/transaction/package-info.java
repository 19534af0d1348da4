/** Transaction helpers. */
@NullMarked
package io.cloudshop.common.transaction;

import org.jspecify.annotations.NullMarked;
