/**
 * Every service is an OAuth2 resource server: it validates the bearer token itself (never trusting the gateway or the
 * network) and answers authentication and authorization failures as problem details.
 *
 * <p>Contract: tokens are JWTs signed RS256 (the only accepted algorithm) by user-service, with {@code iss} and
 * {@code aud} as configured, {@code exp} required and {@code nbf} honoured, and a {@code kid} found in user-service's
 * JWK Set. The {@code roles} claim becomes {@code ROLE_*} authorities; the subject is the user id.
 */
@NullMarked
package io.cloudshop.common.security;

import org.jspecify.annotations.NullMarked;
