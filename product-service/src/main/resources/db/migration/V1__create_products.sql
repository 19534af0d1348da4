-- The catalog. Money is exact: numeric amount plus ISO 4217 code; stock can never go negative, even if code is wrong.
create table products (
    id             uuid          primary key,
    sku            varchar(64)   not null,
    name           varchar(200)  not null,
    description    varchar(4000) not null default '',
    category       varchar(100)  not null,
    price_amount   numeric(19, 4) not null check (price_amount > 0),
    price_currency varchar(3)    not null check (price_currency ~ '^[A-Z]{3}$'),
    stock          integer       not null check (stock >= 0),
    deleted        boolean       not null default false,
    created_at     timestamptz   not null default now(),
    version        bigint        not null default 0,
    constraint products_sku_unique unique (sku)
);

-- Listing shows live products newest first; the partial index serves exactly that order without sorting.
create index products_live_by_created_at on products (created_at desc, id) where not deleted;
