-- Orders with their saga status. The total is a snapshot taken when the order was placed, in exact decimal money.
create table orders (
    id           uuid           primary key,
    customer_id  uuid           not null,
    status       varchar(20)    not null check (status in ('PENDING', 'CONFIRMED', 'REJECTED', 'CANCELLED')),
    total_amount numeric(19, 4) not null check (total_amount >= 0),
    currency     varchar(3)     not null check (currency ~ '^[A-Z]{3}$'),
    created_at   timestamptz    not null default now(),
    version      bigint         not null default 0
);

-- A customer's own orders, newest first.
create index orders_by_customer on orders (customer_id, created_at desc);
-- The admin listing, newest first.
create index orders_by_created_at on orders (created_at desc, id);
