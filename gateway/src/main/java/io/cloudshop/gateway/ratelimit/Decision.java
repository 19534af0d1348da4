package io.cloudshop.gateway.ratelimit;

/**
 * One request's answer from a bucket.
 *
 * @param allowed whether it took a token
 * @param remaining whole requests left in the bucket
 * @param retryAfterSeconds when refused, the seconds until the next token (at least 1); 0 when allowed
 */
record Decision(boolean allowed, long remaining, long retryAfterSeconds) {}
