-- 督办 records: raised automatically by overdue timers or manually by supervisors.
create table supervision (
    id              varchar(36)  primary key,
    target_type     varchar(30)  not null, -- DISPUTE, APPEAL, PROPERTY_ITEM, ...
    target_id       varchar(64)  not null,
    target_ref      varchar(100),          -- business number shown to people (caseNo, itemNo)
    level           varchar(20)  not null, -- REMINDER, NOTICE, BULLETIN, LISTED
    reason          varchar(2000) not null,
    triggered_by    varchar(30)  not null, -- OVERDUE_TIMER, MANUAL, DISSATISFIED_VISIT, ...
    issued_by       varchar(64)  not null,
    issued_at       timestamp with time zone not null,
    response_due_at timestamp with time zone,
    response        varchar(10000),
    responded_by    varchar(64),
    responded_at    timestamp with time zone,
    closed_at       timestamp with time zone
);
create index idx_supervision_target on supervision (target_type, target_id);
create index idx_supervision_open on supervision (closed_at, issued_at);
