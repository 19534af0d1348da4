/**
 * Kafka consumer infrastructure for the services: retries, then a dead-letter topic per service; an idempotent-consumer
 * ledger; a tolerant event reader. Producers publish through each service's transactional outbox (Spring Modulith's
 * event publication registry with Kafka externalization); nothing here knows any service's events.
 */
@NullMarked
package io.cloudshop.common.messaging;

import org.jspecify.annotations.NullMarked;
