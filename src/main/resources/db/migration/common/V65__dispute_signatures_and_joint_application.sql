-- D10 (人民调解法 第29条): a written agreement takes effect when the last party has signed and the
-- committee's seal is affixed; D12 (人民调解法 第33条): 司法确认 is applied for jointly by all parties.
-- Names are kept as a JSON array of strings.
alter table dispute_agreement add column signed_by text;
alter table dispute_agreement add column sealed boolean;
alter table dispute_agreement add column signed_at timestamp with time zone;
alter table dispute_judicial_confirmation add column applicants text;
