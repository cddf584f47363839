-- The mediation report's read model (DisputeFigures, docs/reporting.md): counts per day ('D') and per
-- month ('M', starts_on = the first day), receiving centre, handling organisation ('' before one is
-- chosen) and category. Written in the same transaction as the case; filled from existing cases at
-- start-up when empty.
create table dispute_figures (
    grain      varchar(1)  not null,
    starts_on  date        not null,
    centre_id  varchar(64) not null,
    org_id     varchar(64) not null,
    category   varchar(40) not null,
    received   bigint      not null,
    accepted   bigint      not null,
    closed     bigint      not null,
    mediated   bigint      not null,
    successful bigint      not null,
    with_due   bigint      not null,
    on_time    bigint      not null,
    visits     bigint      not null,
    satisfied  bigint      not null,
    primary key (grain, starts_on, centre_id, org_id, category)
);
create index idx_dispute_figures_centre on dispute_figures (centre_id, grain, starts_on);
create index idx_dispute_figures_org on dispute_figures (org_id, grain, starts_on);
