/**
 * Request rate limits at the gateway, with Spring Cloud Gateway's {@code RequestRateLimiter} filter and its Bucket4j
 * limiter: a token bucket per caller (the token's subject when authenticated, the client address otherwise), a
 * stricter one for logins, and a problem+json 429 with {@code Retry-After}.
 */
@NullMarked
package io.cloudshop.gateway.ratelimit;

import org.jspecify.annotations.NullMarked;
