/** HTTP adapter of authentication: {@code /api/v1/auth}. */
@NullMarked
package io.cloudshop.users.auth.web;

import org.jspecify.annotations.NullMarked;
