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

-- Spring Modulith's event publication registry (its PostgreSQL schema, v2): the transactional outbox. Completed rows
-- are deleted (completion-mode: delete).
create table event_publication (
    id                     uuid        not null primary key,
    listener_id            text        not null,
    event_type             text        not null,
    serialized_event       text        not null,
    publication_date       timestamptz not null,
    completion_date        timestamptz,
    status                 text,
    completion_attempts    integer,
    last_resubmission_date timestamptz
);
-- Modulith finds a publication by its serialized event when marking it completed.
create index event_publication_serialized_event_hash_idx on event_publication using hash (serialized_event);
-- Incomplete publications, oldest first, for resubmission.
create index event_publication_by_completion_date_idx on event_publication (completion_date);

-- The idempotent-consumer ledger (see common's ProcessedEvents); the primary key is the duplicate check.
create table processed_events (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
