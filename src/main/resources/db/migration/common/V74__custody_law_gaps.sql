-- Issue 14, custody side: four rules that were encoded only in part.
-- C5 (公安 S10 第112条): time spent on 检测、检验、检疫、技术鉴定 is not counted in the administrative
--   measure's 30 (+30) days; measure_suspended_seconds is the total length of the recorded appraisals.
alter table property_item add column measure_suspended_seconds bigint default 0 not null;
-- C13 (先行处置): the right-holder's consent or application, recorded with the disposal request.
alter table property_item add column consent_name varchar(400);
alter table property_item add column consent_id_number varchar(160);
alter table property_item add column consent_method varchar(40);
alter table property_item add column consent_document_no varchar(400);
alter table property_item add column consented_at timestamp with time zone;
-- C7 (最高法解释 第447条): after the judgment took effect the court delivers it to the seizing organ
--   within 10 days; when it was due and when (and as which document) it arrived.
alter table property_case add column judgment_delivery_due_at timestamp with time zone;
alter table property_case add column judgment_delivered_at timestamp with time zone;
alter table property_case add column judgment_delivery_doc_no varchar(400);
