-- The appellant's contact (诉求人姓名、联系电话), optional at the report: the 回访 (return visit) calls
-- this person back. Personal data: the API shows it only to the roles that work the appeal.
alter table appeal add column reporter_name varchar(100);
alter table appeal add column reporter_phone varchar(40);
