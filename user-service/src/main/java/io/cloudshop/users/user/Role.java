package io.cloudshop.users.user;

/** What a user may do: customers shop, admins manage the shop. */
public enum Role {
    CUSTOMER,
    ADMIN
}
