-- The event log is append-only: the database itself refuses to change or remove an event,
-- whatever the application does. (Evidence rules: records kept ≥ 20 years, never rewritten.)
CREATE OR REPLACE FUNCTION shuliu_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only', TG_TABLE_NAME USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER events_no_update BEFORE UPDATE OR DELETE ON "events" FOR EACH ROW EXECUTE FUNCTION shuliu_refuse_change();
--> statement-breakpoint
CREATE TRIGGER events_no_truncate BEFORE TRUNCATE ON "events" FOR EACH STATEMENT EXECUTE FUNCTION shuliu_refuse_change();
