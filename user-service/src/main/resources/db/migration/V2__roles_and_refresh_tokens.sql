-- A user can hold several roles (CUSTOMER by default, ADMIN granted by an admin).
create table user_roles (
    user_id uuid        not null references users (id) on delete cascade,
    role    varchar(20) not null check (role in ('CUSTOMER', 'ADMIN')),
    primary key (user_id, role)
);
insert into user_roles (user_id, role) select id, role from users;
alter table users drop column role;

-- "Is there an admin yet?" at start-up, and the admin filter of the user listing.
create index user_roles_by_role on user_roles (role);

-- Refresh tokens, stored as SHA-256 hashes only. A family is every token descended from one login; using a rotated
-- (or revoked) token revokes its whole family.
create table refresh_tokens (
    id          uuid        primary key,
    user_id     uuid        not null references users (id) on delete cascade,
    family_id   uuid        not null,
    token_hash  varchar(64) not null,
    expires_at  timestamptz not null,
    created_at  timestamptz not null default now(),
    rotated_at  timestamptz,
    revoked_at  timestamptz,
    constraint refresh_tokens_hash_unique unique (token_hash)
);

-- Revoking a family in one statement.
create index refresh_tokens_by_family on refresh_tokens (family_id);
