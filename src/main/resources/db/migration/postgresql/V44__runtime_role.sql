-- Least privilege on PostgreSQL: Flyway migrates as the owner role (spring.flyway.user, env
-- FENGQIAO_DB_OWNER), the application runs as the runtime role (spring.datasource.username, env
-- FENGQIAO_DB_USER; placeholder runtimerole). The runtime role gets DML on the tables, no DDL (it
-- owns nothing, so it can neither drop nor disable the ledger's triggers), and on the custody ledger
-- and its checkpoints only INSERT and SELECT. Where both are the same role (development) nothing
-- changes. Tables created by later migrations get DML by default privileges; a later migration that
-- adds an append-only table must revoke UPDATE, DELETE and TRUNCATE on it as done here.
do $$
declare
    runtime text := '${runtimerole}';
begin
    if runtime = '' or runtime = current_user then
        return;
    end if;
    execute format('grant usage on schema %I to %I', current_schema(), runtime);
    execute format('grant select, insert, update, delete on all tables in schema %I to %I', current_schema(), runtime);
    execute format('grant usage, select, update on all sequences in schema %I to %I', current_schema(), runtime);
    execute format('alter default privileges in schema %I grant select, insert, update, delete on tables to %I', current_schema(), runtime);
    execute format('alter default privileges in schema %I grant usage, select, update on sequences to %I', current_schema(), runtime);
    execute format('revoke update, delete, truncate, references, trigger on custody_ledger from %I', runtime);
    execute format('revoke update, delete, truncate, references, trigger on custody_ledger_checkpoint from %I', runtime);
    execute format('revoke all on flyway_schema_history from %I', runtime);
    execute format('grant select on flyway_schema_history to %I', runtime);
end
$$;
