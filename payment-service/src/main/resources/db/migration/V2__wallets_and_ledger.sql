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

-- The outbox (event_publication) and the idempotent-consumer ledger (processed_events) come from common's
-- migrations (MessagingSchemaAutoConfiguration); this migration created them too before they moved there.
