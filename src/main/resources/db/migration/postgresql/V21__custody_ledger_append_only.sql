-- The custody ledger is append-only: UPDATE, DELETE and TRUNCATE are refused for every role that
-- does not drop the trigger (the application's role owns no right to do so in production).
create or replace function custody_ledger_refuse_change() returns trigger
language plpgsql as $$
begin
    raise exception 'custody_ledger is append-only (% refused)', tg_op using errcode = '42501';
end;
$$;

create trigger custody_ledger_no_update before update or delete on custody_ledger
    for each row execute function custody_ledger_refuse_change();
create trigger custody_ledger_no_truncate before truncate on custody_ledger
    for each statement execute function custody_ledger_refuse_change();
