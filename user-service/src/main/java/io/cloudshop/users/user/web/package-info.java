/** HTTP adapter of the user accounts: {@code /api/v1/users}. */
@NullMarked
package io.cloudshop.users.user.web;

import org.jspecify.annotations.NullMarked;
