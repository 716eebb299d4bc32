-- Decision records are the compliance evidence of why a sale was allowed or refused: append-only, like the audit trail.
CREATE OR REPLACE FUNCTION finmart_decisions_append_only() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'suitability_decisions is append-only';
END;
$$ LANGUAGE plpgsql;
--> statement-breakpoint
CREATE TRIGGER suitability_decisions_append_only BEFORE UPDATE OR DELETE ON suitability_decisions
  FOR EACH ROW EXECUTE FUNCTION finmart_decisions_append_only();
