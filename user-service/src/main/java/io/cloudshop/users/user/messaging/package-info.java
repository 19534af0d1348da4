/** What user-service publishes, declared for its AsyncAPI document. */
@NullMarked
package io.cloudshop.users.user.messaging;

import org.jspecify.annotations.NullMarked;
