/** A demo catalog loaded at start-up into an empty catalog, for the devstack. */
@NullMarked
package io.cloudshop.products.demo;

import org.jspecify.annotations.NullMarked;
