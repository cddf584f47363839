-- The custody ledger is append-only: every UPDATE or DELETE is refused by a Java trigger.
create trigger custody_ledger_no_update before update on custody_ledger for each row
    call 'org.fengqiao.custody.LedgerAppendOnlyTrigger';
create trigger custody_ledger_no_delete before delete on custody_ledger for each row
    call 'org.fengqiao.custody.LedgerAppendOnlyTrigger';
