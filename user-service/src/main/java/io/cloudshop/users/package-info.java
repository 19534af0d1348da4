@NullMarked
package io.cloudshop.users;

import org.jspecify.annotations.NullMarked;
