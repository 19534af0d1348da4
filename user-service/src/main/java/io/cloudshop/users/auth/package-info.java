/**
 * Authentication: passwords checked in constant shape, RS256 access tokens, rotating refresh tokens with reuse
 * detection, the JWK Set every other component validates against, and the first admin.
 */
@NullMarked
package io.cloudshop.users.auth;

import org.jspecify.annotations.NullMarked;
