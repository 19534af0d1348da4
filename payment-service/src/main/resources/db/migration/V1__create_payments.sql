-- Payments for orders. The unique order_id makes a second charge for the same order impossible, even on redelivery.
create table payments (
    id          uuid           primary key,
    order_id    uuid           not null,
    customer_id uuid           not null,
    amount      numeric(19, 4) not null check (amount > 0),
    currency    varchar(3)     not null check (currency ~ '^[A-Z]{3}$'),
    status      varchar(20)    not null check (status in ('COMPLETED', 'DECLINED', 'REFUNDED')),
    created_at  timestamptz    not null default now(),
    version     bigint         not null default 0,
    constraint payments_order_unique unique (order_id)
);

-- A customer's own payments, newest first.
create index payments_by_customer on payments (customer_id, created_at desc);
-- The admin listing, newest first.
create index payments_by_created_at on payments (created_at desc, id);
