-- D20 (特邀调解规定 第21条): a failed court-referred mediation returns the court's materials, a step
-- with its own deadline; D18 (人民调解法 第25条): a risk of intensification is reported to the police
-- or other authorities, a step with its own deadline. The case keeps the open step's due date.
alter table dispute_case add column materials_return_due_at timestamp with time zone;
alter table dispute_case add column materials_returned_at timestamp with time zone;
alter table dispute_case add column risk_report_due_at timestamp with time zone;

create table dispute_risk_report (
    id           varchar(36)  primary key,
    case_id      varchar(36)  not null references dispute_case (id),
    risk_level   varchar(20)  not null,
    reported_to  varchar(30)  not null,
    description  text         not null,
    reported_by  varchar(64)  not null,
    reported_at  timestamp with time zone not null,
    due_at       timestamp with time zone not null,
    delivered_at timestamp with time zone,
    received_by  varchar(400),
    delivered_by varchar(64)
);
create index idx_dispute_risk_report_case on dispute_risk_report (case_id);
