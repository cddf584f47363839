-- C10: property remitted to the treasury as unclaimed is refunded when its owner's later claim is
-- verified (最高法解释 第445条); the item stays DISPOSED, the refund is recorded once.
alter table property_item add column refunded_at timestamp with time zone;
