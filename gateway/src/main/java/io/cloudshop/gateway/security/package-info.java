/**
 * The gateway checks every token before routing (the services check it again): same keys, algorithm and claims as
 * the services ({@code cloudshop.security.*}), problem+json for 401 and 403, the token relayed unchanged.
 */
@NullMarked
package io.cloudshop.gateway.security;

import org.jspecify.annotations.NullMarked;
