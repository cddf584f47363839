-- 督办 escalation: an unanswered supervision is superseded by one at the next level
-- (REMINDER → NOTICE → BULLETIN → LISTED), found through its response deadline.
alter table supervision add column escalated_to varchar(36);
alter table supervision add column escalated_at timestamp with time zone;
create index idx_supervision_due on supervision (response_due_at);
