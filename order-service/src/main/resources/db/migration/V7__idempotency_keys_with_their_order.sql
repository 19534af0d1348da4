-- Idempotency-Keys are written in the transaction that stores their order (no more claims in flight): every key names
-- its order, and the foreign key is checked at commit, after the order's insert. Claims left by the old scheme (a
-- request that never finished) are dropped: their keys are free again.
delete from idempotency_keys where order_id is null;
alter table idempotency_keys drop column claim_id;
alter table idempotency_keys alter column order_id set not null;
alter table idempotency_keys drop constraint idempotency_keys_order_id_fkey;
alter table idempotency_keys
    add constraint idempotency_keys_order_id_fkey foreign key (order_id) references orders (id) deferrable initially deferred;
