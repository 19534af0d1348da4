/**
 * The one shared test configuration: {@code @Import(TestInfrastructure.class)} gives a {@code @SpringBootTest} a real
 * PostgreSQL 17 and a real Kafka broker, from Testcontainers where a Docker engine answers and embedded otherwise.
 */
@NullMarked
package io.cloudshop.testsupport;

import org.jspecify.annotations.NullMarked;
