/**
 * The shared HTTP conventions a controller applies itself: sort whitelists for listings and version-based entity tags
 * for conditional requests. Errors are {@link io.cloudshop.common.problem.ApiException}s in the problem format.
 */
@NullMarked
package io.cloudshop.common.web;

import org.jspecify.annotations.NullMarked;
