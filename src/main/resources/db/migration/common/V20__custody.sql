-- Text columns are sized in UTF-16 units with room for the contract's limits counted in code points.
-- Case-property custody (涉案财物): cases, items, zones, the global ledger and its head row,
-- alerts, exception records and inventories. The item row holds the current state; every change
-- of it appends one custody_ledger entry in the same transaction.
create table custody_counter (
    name  varchar(40) primary key,
    counter_value bigint not null
);

create table custody_zone (
    id              varchar(64)  primary key,
    name            varchar(100) not null,
    type            varchar(20)  not null, -- ORDINARY, VALUABLES, HAZARDOUS, VEHICLE, COLD, ANTI_MAGNETIC, RESTRICTED
    owner_agency_id varchar(64),           -- RESTRICTED (专区): the only agency that sees its items
    locations       varchar(4000),         -- shelf codes, comma separated
    sort_order      integer default 0 not null
);

create table property_case (
    id                 varchar(36)  primary key,
    case_seq           bigint       not null unique,
    agency_case_no     varchar(400) not null,
    case_name          varchar(800) not null,
    case_type          varchar(30)  not null,
    handling_agency_id varchar(64)  not null,
    handling_scope     varchar(64)  not null, -- the agency (not a department) of handling_agency_id
    officer_ids        varchar(4000) not null,
    created_by         varchar(64)  not null,
    created_at         timestamp with time zone not null
);
create index idx_property_case_agency_no on property_case (agency_case_no);

create table property_item (
    id                     varchar(36)  primary key,
    item_no                varchar(40)  not null unique,
    case_id                varchar(36)  not null references property_case (id),
    name                   varchar(400) not null,
    category               varchar(40)  not null,
    quantity               numeric(18, 3) not null,
    unit                   varchar(80)  not null,
    measure                varchar(40)  not null,
    valuation              numeric(16, 2),
    evidence_use           boolean      not null,
    description            varchar(40000),
    status                 varchar(40)  not null,
    handling_scope         varchar(64)  not null,
    controlling_agency_id  varchar(64)  not null,
    controlling_scope      varchar(64)  not null,
    handover_due_at        timestamp with time zone,
    handover_centre_id     varchar(64),
    zone_id                varchar(64)  references custody_zone (id),
    location               varchar(400),
    item_condition         varchar(40000),
    loan_requested_by      varchar(64),
    loan_reason            varchar(40000),
    planned_return_at      timestamp with time zone,
    loan_approver_group    varchar(200),
    loan_approved_by       varchar(64),
    transfer_to_agency_id  varchar(64),
    transfer_to_scope      varchar(64),
    transfer_mode          varchar(20),
    disposal_type          varchar(40),
    legal_basis_doc_no     varchar(400),
    disposal_requested_by  varchar(64),
    disposal_approver_role varchar(40),
    disposal_approver_group varchar(200),
    disposal_approval_level varchar(100),
    disposal_approved_by   varchar(64),
    disposal_due_at        timestamp with time zone,
    created_at             timestamp with time zone not null,
    updated_at             timestamp with time zone not null,
    version                integer      not null
);
create index idx_property_item_case on property_item (case_id);
create index idx_property_item_status on property_item (status);
create index idx_property_item_zone on property_item (zone_id);

-- The single global chain. seq is the position; prev_hash the hash at seq - 1 ('' for the first);
-- hash = SHA-256(prev_hash + canonical entry). Append-only: UPDATE and DELETE are refused by a
-- trigger (vendor migrations V21).
create table custody_ledger (
    seq         bigint       primary key,
    at          timestamp with time zone not null,
    event_type  varchar(40)  not null,
    item_id     varchar(36)  not null,
    actor       varchar(64)  not null,
    from_status varchar(40),
    to_status   varchar(40),
    details     text         not null,
    prev_hash   varchar(64)  not null,
    hash        varchar(64)  not null
);
create index idx_custody_ledger_item on custody_ledger (item_id, seq);

-- One row, locked (select ... for update) by every append so that appends are serialised.
create table custody_ledger_head (
    id        integer     primary key,
    last_seq  bigint      not null,
    last_hash varchar(64) not null
);
insert into custody_ledger_head (id, last_seq, last_hash) values (1, 0, '');

-- Alerts raised by timers (超期未入库, 调用超期); the 督办 records live in supervision.
create table custody_alert (
    id         varchar(36)  primary key,
    item_id    varchar(36)  not null references property_item (id),
    kind       varchar(40)  not null, -- HANDOVER_OVERDUE, LOAN_OVERDUE
    message    varchar(2000) not null,
    raised_at  timestamp with time zone not null
);
create index idx_custody_alert_item on custody_alert (item_id);

-- Exception records: damage/shortage/substitution/loss found at a return inspection or a 盘点.
create table custody_exception (
    id           varchar(36)  primary key,
    item_id      varchar(36)  references property_item (id),
    inventory_id varchar(36),
    kind         varchar(40)  not null, -- DAMAGED, SHORT, SUBSTITUTED, LOST, MISSING_AT_INVENTORY, UNEXPECTED_AT_INVENTORY
    details      text,
    raised_by    varchar(64)  not null,
    raised_at    timestamp with time zone not null
);
create index idx_custody_exception_item on custody_exception (item_id);

create table custody_inventory (
    id             varchar(36)  primary key,
    scope_type     varchar(10)  not null, -- ZONE, CASE
    scope_id       varchar(64)  not null,
    status         varchar(20)  not null, -- COUNTING, RECONCILED, DISCREPANCIES
    expected_ids   text not null,
    found_item_nos text,
    discrepancies  integer,
    started_by     varchar(64)  not null,
    started_at     timestamp with time zone not null,
    counted_by     varchar(200),
    counted_at     timestamp with time zone
);
