-- One wallet per customer, in one currency. The balance is kept in the same transaction as every ledger entry that
-- changes it, and can never go negative.
create table wallets (
    customer_id uuid           primary key,
    balance     numeric(19, 4) not null check (balance >= 0),
    currency    varchar(3)     not null check (currency ~ '^[A-Z]{3}$'),
    created_at  timestamptz    not null default now(),
    version     bigint         not null default 0
);

-- Append-only: every change of a balance, signed (top-ups and refunds positive, charges negative). The unique
-- indexes make a second charge or refund for one order, or a replayed top-up, impossible even on redelivery.
create table ledger_entries (
    id              uuid           primary key,
    customer_id     uuid           not null references wallets (customer_id),
    kind            varchar(10)    not null check (kind in ('TOP_UP', 'CHARGE', 'REFUND')),
    amount          numeric(19, 4) not null check (amount <> 0),
    order_id        uuid,
    idempotency_key varchar(100),
    created_at      timestamptz    not null default now(),
    check ((kind = 'TOP_UP') = (order_id is null)),
    check ((kind = 'TOP_UP') = (idempotency_key is not null)),
    check ((kind = 'CHARGE') = (amount < 0))
);
create unique index ledger_one_charge_per_order on ledger_entries (order_id) where kind = 'CHARGE';
create unique index ledger_one_refund_per_order on ledger_entries (order_id) where kind = 'REFUND';
create unique index ledger_top_up_key on ledger_entries (customer_id, idempotency_key) where kind = 'TOP_UP';
-- A customer's statement, newest first.
create index ledger_by_customer on ledger_entries (customer_id, created_at desc);

-- Orders cancelled before their payment step arrived: a late StockReserved must not charge them.
create table cancelled_orders (
    order_id     uuid        primary key,
    cancelled_at timestamptz not null default now()
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
