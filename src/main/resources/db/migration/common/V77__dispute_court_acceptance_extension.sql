-- D13 (司法确认规定 第4、5条): the court accepts an application for judicial confirmation within 3
-- days and decides within 15 days of the acceptance, 10 more with the court president's approval.
-- The acceptance (when, under which court case number) and the one extension (when, why) are acts
-- the court liaison records; the case keeps the two moments its next steps depend on.
alter table dispute_judicial_confirmation add column accepted_at timestamp with time zone;
alter table dispute_judicial_confirmation add column court_case_no varchar(200);
alter table dispute_judicial_confirmation add column accepted_by varchar(64);
alter table dispute_judicial_confirmation add column extended_at timestamp with time zone;
alter table dispute_judicial_confirmation add column extension_reason text;
alter table dispute_judicial_confirmation add column extended_by varchar(64);
alter table dispute_case add column court_accepted_at timestamp with time zone;
alter table dispute_case add column court_review_extended_at timestamp with time zone;
