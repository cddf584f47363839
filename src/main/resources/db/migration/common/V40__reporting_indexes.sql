-- Indexes for the report queries (reporting module, docs/reporting.md), sized for a million cases.
-- Cases are found by registration date (existing idx_dispute_created, idx_dispute_centre,
-- idx_dispute_org) or by closing date (below), per centre / handling organisation when the report
-- is scoped; return visits by visit date; custody items by registration date, ledger by time.
create index idx_dispute_closed on dispute_case (closed_at);
create index idx_dispute_centre_closed on dispute_case (centre_id, closed_at);
create index idx_dispute_org_closed on dispute_case (org_id, closed_at);
create index idx_dispute_visit_at on dispute_return_visit (visited_at, case_id);
create index idx_property_item_created on property_item (created_at);
create index idx_custody_ledger_at on custody_ledger (at);
