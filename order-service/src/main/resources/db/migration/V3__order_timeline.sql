-- What happened to an order, in order: placed, stock reserved or rejected, paid or declined, confirmed, cancelled (and
-- why), and late events that arrived after the order had finished (recorded, never applied). Read with its order
-- only, so the primary key is its index.
create table order_timeline (
    order_id uuid         not null references orders (id),
    seq      integer      not null check (seq >= 0),
    at       timestamptz  not null,
    step     varchar(40)  not null,
    detail   varchar(200),
    primary key (order_id, seq)
);

-- The timeout sweep looks for PENDING orders by age.
create index orders_pending_by_created_at on orders (created_at) where status = 'PENDING';
