-- C1: the 24-hour hand-over clock starts at the seizure, or — for an extraction away from the unit —
-- at the officers' return, or — for an urgent appraisal approved by the department head — when the
-- appraisal is done. handover_clock_from is that start; recomputations count from it.
alter table property_item add column handover_clock_from timestamp with time zone;
alter table property_item add column handover_exception varchar(40);
update property_item set handover_clock_from = coalesce(seized_at, created_at) where handover_due_at is not null;
