-- The audit trail is evidence: refuse any UPDATE or DELETE, whoever asks.
CREATE OR REPLACE FUNCTION finmart_audit_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'audit_events is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
  FOR EACH ROW EXECUTE FUNCTION finmart_audit_append_only();
