-- C5 (公安 S10 第112条): an administrative 扣押/扣留/查封 lasts 30 days, extended once by 30 with the
-- approval of the agency's head.
alter table property_item add column measure_due_at timestamp with time zone;
alter table property_item add column measure_extended_by varchar(64);
