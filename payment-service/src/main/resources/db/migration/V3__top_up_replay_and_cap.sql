-- A top-up's answer is the balance right after it: kept, so that replaying its Idempotency-Key answers the same.
-- Null for top-ups made before this column existed (their replays answer the current balance).
alter table ledger_entries add column balance_after numeric(19, 4);

-- The daily top-up cap sums a customer's top-ups of the last 24 hours.
create index ledger_top_ups_by_customer on ledger_entries (customer_id, created_at) where kind = 'TOP_UP';
