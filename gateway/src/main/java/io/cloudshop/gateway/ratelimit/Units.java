package io.cloudshop.gateway.ratelimit;

import java.math.BigInteger;
import java.time.Duration;

/**
 * A bucket in the integers that the gateway's Redis script computes with: {@code refillTokens} per {@code period}
 * become {@code rate} units per second, and a request costs {@code cost} units, so that a refill such as 10 per
 * minute (one token every 6 s) has no rounding. {@code capacity} is in units too.
 *
 * @param rate units added per second
 * @param capacity the bucket's size in units (its size in requests times {@code cost})
 * @param cost units one request takes
 */
record Units(long rate, long capacity, long cost) {

    Units {
        if (rate < 1 || cost < 1 || capacity < cost) {
            throw new IllegalArgumentException(
                    "rate, cost and capacity must allow one request: " + rate + ", " + cost + ", " + capacity);
        }
        if (2 * capacity < rate) {
            // The script keeps a bucket for twice its fill time, in whole seconds; zero would keep nothing.
            throw new IllegalArgumentException("a bucket must take at least half a second to fill");
        }
    }

    /** {@code capacity} requests, refilled by {@code refillTokens} per {@code period} (whole seconds). */
    static Units of(RateLimitProperties.Bucket bucket) {
        Duration period = bucket.period();
        if (period.toMillis() % 1000 != 0 || period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException(
                    "a rate-limit period must be a whole number of seconds, but is " + period);
        }
        long seconds = period.toSeconds();
        long divisor = BigInteger.valueOf(bucket.refillTokens())
                .gcd(BigInteger.valueOf(seconds))
                .longValueExact();
        long cost = seconds / divisor;
        return new Units(bucket.refillTokens() / divisor, Math.multiplyExact(bucket.capacity(), cost), cost);
    }

    /** What the script answered, in requests and seconds. */
    Decision decision(boolean allowed, long unitsLeft) {
        long retryAfter = allowed ? 0 : Math.max(1, Math.ceilDiv(cost - unitsLeft, rate));
        return new Decision(allowed, unitsLeft / cost, retryAfter);
    }
}
