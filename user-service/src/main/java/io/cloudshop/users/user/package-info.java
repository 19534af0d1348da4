/** Users of the shop: their account, credentials and roles. */
@NullMarked
package io.cloudshop.users.user;

import org.jspecify.annotations.NullMarked;
