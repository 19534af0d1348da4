-- The tables common's messaging code relies on, in every service's database (MessagingSchemaAutoConfiguration).
-- "if not exists": databases created before these tables moved here already have them, made by the service's own
-- migrations of the time, in exactly this shape.

-- Spring Modulith's event publication registry (its PostgreSQL schema, v2): the transactional outbox. Completed rows
-- are deleted (completion-mode: delete).
create table if not exists event_publication (
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
create index if not exists event_publication_serialized_event_hash_idx
    on event_publication using hash (serialized_event);
-- Incomplete publications, oldest first, for resubmission.
create index if not exists event_publication_by_completion_date_idx on event_publication (completion_date);

-- The idempotent-consumer ledger (ProcessedEvents); the primary key is the duplicate check.
create table if not exists processed_events (
    consumer     varchar(100) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
