-- Stock held for orders, one reservation per order (the order id is the key, so a redelivered OrderPlaced cannot
-- reserve twice). RESERVED holds stock; SOLD is a confirmed order's; RELEASED gave it back; REJECTED never held any;
-- CANCELLED records a cancellation that arrived before the order itself, so a late OrderPlaced reserves nothing.
create table reservations (
    order_id    uuid        primary key,
    customer_id uuid,
    status      varchar(20) not null check (status in ('RESERVED', 'SOLD', 'RELEASED', 'REJECTED', 'CANCELLED')),
    created_at  timestamptz not null default now(),
    updated_at  timestamptz not null default now(),
    version     bigint      not null default 0
);

-- What a reservation holds; read with its reservation only (primary key).
create table reservation_lines (
    order_id   uuid    not null references reservations (order_id),
    product_id uuid    not null references products (id),
    quantity   integer not null check (quantity > 0),
    primary key (order_id, product_id)
);

-- The outbox (event_publication) and the idempotent-consumer ledger (processed_events) come from common's
-- migrations (MessagingSchemaAutoConfiguration); this migration created them too before they moved there.
