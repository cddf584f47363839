-- Dispute cases (state machine A) and their records. Camunda holds the flow; these tables hold
-- the business record. Text columns are sized in characters with room for the contract's limits.
create table dispute_case (
    id                     varchar(36)  primary key,
    case_no                varchar(80)  not null unique,
    title                  varchar(400) not null,
    facts                  text,
    claims                 text,
    category               varchar(40)  not null,
    channel                varchar(40)  not null,
    source_ref             varchar(400),
    amount_involved        numeric(15, 2),
    centre_id              varchar(64)  not null,
    status                 varchar(40)  not null,
    outcome                varchar(40),
    mediation_type         varchar(40),
    level                  varchar(20),
    min_level              varchar(20),
    org_id                 varchar(64),
    assignment_mode        varchar(20),
    complexity             varchar(20),
    risk_level             varchar(20),
    time_limit_days        integer,
    suggestion             text,
    not_accept_reason      varchar(40),
    reason_text            text,
    transfer_to            varchar(400),
    respondent_consent     varchar(20),
    presiding_mediator_id  varchar(64),
    selected_by            varchar(20),
    acceptance_due_at      timestamp with time zone,
    mediation_started_at   timestamp with time zone,
    due_at                 timestamp with time zone,
    warning_at             timestamp with time zone,
    warned_due_at          timestamp with time zone,
    overdue                boolean      default false not null,
    agreement_effective_at timestamp with time zone,
    agreement_form         varchar(20),
    performance_status     varchar(20),
    satisfaction           varchar(30),
    closed_at              timestamp with time zone,
    archived_at            timestamp with time zone,
    volume_no              varchar(100),
    retention_years        integer,
    process_instance_id    varchar(64),
    version                integer      not null,
    created_by             varchar(64)  not null,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null
);
create index idx_dispute_status on dispute_case (status);
create index idx_dispute_centre on dispute_case (centre_id, created_at);
create index idx_dispute_org on dispute_case (org_id, created_at);
create index idx_dispute_category on dispute_case (category);
create index idx_dispute_created on dispute_case (created_at);
create index idx_dispute_due on dispute_case (due_at);

create table dispute_party (
    id        varchar(36)   primary key,
    case_id   varchar(36)   not null references dispute_case (id),
    seq       integer       not null,
    role      varchar(20)   not null,
    type      varchar(20)   not null,
    name      varchar(200)  not null,
    id_number varchar(100),
    phone     varchar(100),
    address   varchar(2000)
);
create index idx_dispute_party_case on dispute_party (case_id);

create table dispute_mediator (
    case_id     varchar(36) not null references dispute_case (id),
    user_id     varchar(64) not null,
    presiding   boolean     not null,
    active      boolean     not null,
    assigned_at timestamp with time zone not null,
    primary key (case_id, user_id)
);
create index idx_dispute_mediator_user on dispute_mediator (user_id, active);

create table dispute_session (
    id                      varchar(36)  primary key,
    case_id                 varchar(36)  not null references dispute_case (id),
    held_at                 timestamp with time zone not null,
    place                   varchar(400),
    minutes                 text,
    rights_notice_delivered boolean      not null,
    recorded_by             varchar(64)  not null,
    recorded_at             timestamp with time zone not null
);
create index idx_dispute_session_case on dispute_session (case_id);

create table dispute_agreement (
    id                   varchar(36)  primary key,
    case_id              varchar(36)  not null references dispute_case (id),
    form                 varchar(20)  not null,
    terms                text         not null,
    performance_deadline date,
    amount               numeric(15, 2),
    effective_at         timestamp with time zone not null,
    recorded_by          varchar(64)  not null,
    recorded_at          timestamp with time zone not null,
    superseded           boolean      default false not null
);
create index idx_dispute_agreement_case on dispute_agreement (case_id);

create table dispute_judicial_confirmation (
    id          varchar(36)  primary key,
    case_id     varchar(36)  not null references dispute_case (id),
    court       varchar(200) not null,
    filed_at    timestamp with time zone not null,
    review_due_at timestamp with time zone,
    result      varchar(30),
    decided_at  timestamp with time zone,
    filed_by    varchar(64)  not null,
    decided_by  varchar(64)
);
create index idx_dispute_jc_case on dispute_judicial_confirmation (case_id);

create table dispute_performance (
    id          varchar(36) primary key,
    case_id     varchar(36) not null references dispute_case (id),
    status      varchar(20) not null,
    evidence    text,
    recorded_by varchar(64) not null,
    recorded_at timestamp with time zone not null
);
create index idx_dispute_performance_case on dispute_performance (case_id);

create table dispute_return_visit (
    id                 varchar(36) primary key,
    case_id            varchar(36) not null references dispute_case (id),
    satisfaction       varchar(30) not null,
    performance_status varchar(20),
    notes              text,
    visitor            varchar(64) not null,
    visited_at         timestamp with time zone not null
);
create index idx_dispute_visit_case on dispute_return_visit (case_id);

create table dispute_document (
    id          varchar(36)  primary key,
    case_id     varchar(36)  not null references dispute_case (id),
    type        varchar(40)  not null,
    title       varchar(400) not null,
    file_name   varchar(400),
    content     bytea,
    size_bytes  bigint       not null,
    sha256      varchar(64),
    uploaded_by varchar(64)  not null,
    uploaded_at timestamp with time zone not null
);
create index idx_dispute_document_case on dispute_document (case_id);

create table dispute_history (
    id          bigint generated by default as identity primary key,
    case_id     varchar(36)  not null references dispute_case (id),
    at          timestamp with time zone not null,
    actor       varchar(64)  not null,
    action      varchar(40)  not null,
    from_status varchar(40),
    to_status   varchar(40),
    details     text
);
create index idx_dispute_history_case on dispute_history (case_id, id);

create table case_no_sequence (
    abbr       varchar(40) not null,
    year_no    integer     not null,
    last_value integer     not null,
    primary key (abbr, year_no)
);
