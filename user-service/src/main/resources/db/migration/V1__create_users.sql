-- User accounts. Emails are stored normalized (trimmed, lower-case), so a plain unique constraint is enough.
create table users (
    id            uuid         primary key,
    email         varchar(320) not null,
    name          varchar(200) not null,
    password_hash varchar(255) not null,
    role          varchar(20)  not null check (role in ('CUSTOMER', 'ADMIN')),
    enabled       boolean      not null default true,
    created_at    timestamptz  not null default now(),
    version       bigint       not null default 0,
    constraint users_email_unique unique (email)
);

-- The admin listing pages through users newest first.
create index users_by_created_at on users (created_at desc, id);
