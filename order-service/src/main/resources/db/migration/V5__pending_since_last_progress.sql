-- When the saga last moved this order (placed, stock reserved, ...). The timeout counts from here, not from placement:
-- an order that is still making progress is not cancelled.
alter table orders add column last_progress_at timestamptz;
update orders set last_progress_at = created_at;
alter table orders alter column last_progress_at set not null;
alter table orders alter column last_progress_at set default now();

-- The timeout sweep looks for PENDING orders by last progress (replaces the index by creation time).
drop index orders_pending_by_created_at;
create index orders_pending_by_last_progress on orders (last_progress_at) where status = 'PENDING';
