-- Spring Modulith's event publication registry (its PostgreSQL schema, v2): the transactional outbox for UserRegistered.
-- Completed rows are deleted (completion-mode: delete).
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
