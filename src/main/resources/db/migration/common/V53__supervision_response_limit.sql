-- How a 督办's response deadline was computed, so that it can be computed again when a year's
-- calendar is entered: '<amount> <UNIT>' counted from issued_at through the working-day calendar.
-- Null when the deadline is a given date (e.g. the mediation deadline a warning points at) or the
-- record predates this column; such deadlines are not recomputed.
alter table supervision add column response_limit varchar(40);
