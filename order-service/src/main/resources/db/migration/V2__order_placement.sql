-- The lines of an order with the price snapshot taken when it was placed: later catalog price changes never alter an
-- order. Read with their order only, so the primary key (order_id, line_no) is the only index they need.
create table order_lines (
    order_id          uuid           not null references orders (id),
    line_no           integer        not null check (line_no >= 0),
    product_id        uuid           not null,
    product_name      varchar(200)   not null,
    quantity          integer        not null check (quantity > 0),
    unit_price_amount numeric(19, 4) not null check (unit_price_amount > 0),
    primary key (order_id, line_no),
    constraint order_lines_product_once unique (order_id, product_id)
);

-- Idempotency-Key per customer: the first request with a key claims it (order_id null: in flight), a successful
-- placement completes it with the order it created; a failed one deletes the claim. Looked up by its primary key; expired keys are deleted by created_at.
create table idempotency_keys (
    customer_id  uuid        not null,
    key          varchar(100) not null,
    request_hash varchar(64) not null,
    order_id     uuid        references orders (id),
    created_at   timestamptz not null default now(),
    primary key (customer_id, key)
);
create index idempotency_keys_by_created_at on idempotency_keys (created_at);

-- The outbox (event_publication) and the idempotent-consumer ledger (processed_events) come from common's
-- migrations (MessagingSchemaAutoConfiguration); this migration created them too before they moved there.
