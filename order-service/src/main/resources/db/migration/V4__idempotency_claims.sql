-- Each claim of an Idempotency-Key gets its own id: completing or releasing a claim only ever touches that claim, so a
-- request whose abandoned claim was taken over cannot complete or delete its successor's.
alter table idempotency_keys add column claim_id uuid not null default gen_random_uuid();
