/**
 * order-service's one synchronous dependency: current prices and availability from product-service, read through
 * OpenFeign behind a Resilience4j circuit breaker, time limit and retry, failing fast with 503 {@code
 * CATALOG_UNAVAILABLE} when the catalog cannot answer.
 */
@NullMarked
package io.cloudshop.orders.catalog;

import org.jspecify.annotations.NullMarked;
