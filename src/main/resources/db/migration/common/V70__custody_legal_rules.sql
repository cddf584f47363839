-- Issue 14, custody side: the fields the legal rules need.
--   held                   false for property registered but not held by the centre (查封/冻结/先行登记保存, C2)
--   seized_at              when the measure was taken: the hand-over clock runs from it (C1, C2)
--   registration_due_at    a non-held item is registered within 24 h of the seizure (C2)
--   source                 来源: from whom or where the item was taken (C21)
--   owner_name/_id_number  the owner on record; a return goes to the owner or an agent (C15)
--   sealed_by, photo_hashes  valuables and cash sealed by ≥ 2 officers and photographed at intake (C19)
--   disposal_approver_roles  every role that may decide the pending disposal (DMN, C13/C14)
alter table property_item add column held boolean default true not null;
update property_item set held = false where status = 'REGISTERED_NOT_HELD';
alter table property_item add column seized_at timestamp with time zone;
alter table property_item add column registration_due_at timestamp with time zone;
alter table property_item add column source varchar(40000);
alter table property_item add column owner_name varchar(400);
alter table property_item add column owner_id_number varchar(160);
alter table property_item add column sealed_by varchar(4000);
alter table property_item add column photo_hashes varchar(40000);
alter table property_item add column disposal_approver_roles varchar(200);

-- the stage of the proceedings (C17): no final disposal before CONCLUDED
alter table property_case add column stage varchar(20) default 'INVESTIGATION' not null;
alter table property_case add column stage_document_no varchar(400);
alter table property_case add column stage_changed_at timestamp with time zone;
