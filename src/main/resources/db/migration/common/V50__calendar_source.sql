-- Which notice an OFFICIAL year comes from (years without a row are PROVISIONAL, computed from the
-- statutory rules and never stored).
alter table calendar_year add column source varchar(200);
