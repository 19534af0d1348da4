/**
 * The OpenAPI 3.1 document every service publishes at {@code /v3/api-docs} (springdoc), with the bearer-token scheme
 * that the gateway's Swagger UI offers as "Authorize".
 */
@NullMarked
package io.cloudshop.common.openapi;

import org.jspecify.annotations.NullMarked;
