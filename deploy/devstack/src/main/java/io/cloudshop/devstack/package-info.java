/**
 * The devstack: the whole suite as separate OS processes on one machine, without Docker. {@link DevstackCommand} is
 * the command line behind {@code ./devstack}; {@link Stack} is the same code path the system tests drive.
 */
@NullMarked
package io.cloudshop.devstack;

import org.jspecify.annotations.NullMarked;
