/**
 * Request rate limits at the gateway, with Spring Cloud Gateway's {@code RequestRateLimiter} filter: a token bucket
 * per caller (the token's subject when authenticated, the client address otherwise), a stricter one for logins, and a
 * problem+json 429 with {@code Retry-After}; in Redis through the gateway's own script, or in memory through Bucket4j.
 */
@NullMarked
package io.cloudshop.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
