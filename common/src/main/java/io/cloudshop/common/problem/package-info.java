/**
 * RFC 9457 problem details for every error a domain service can answer with.
 *
 * <p>Contract: every error response has content type {@code application/problem+json} and the members {@code type},
 * {@code title}, {@code status}, {@code detail}, {@code instance}, a stable machine-readable {@code code}, the
 * {@code traceId} of the request when tracing is active, and for invalid input an {@code errors} list of
 * {@code {field, message}}. Server errors never carry exception messages or stack traces.
 */
@NullMarked
package io.cloudshop.common.problem;

import org.jspecify.annotations.NullMarked;
