/** Trace ids for clients: the {@code X-Trace-Id} response header. Export to Zipkin is common's default. */
@NullMarked
package io.cloudshop.gateway.tracing;

import org.jspecify.annotations.NullMarked;
