/** Tracing and metrics defaults shared by every component. */
@NullMarked
package io.cloudshop.common.observability;

import org.jspecify.annotations.NullMarked;
