-- Responses remembered per (user, Idempotency-Key) so that a repeated POST returns the first answer.
create table idempotency_record (
    user_id      varchar(64)  not null,
    idem_key     varchar(200) not null,
    request_hash varchar(64)  not null,
    state        varchar(10)  not null,
    status_code  integer,
    content_type varchar(100),
    location     varchar(500),
    body         text,
    created_at   timestamp with time zone not null,
    primary key (user_id, idem_key)
);
