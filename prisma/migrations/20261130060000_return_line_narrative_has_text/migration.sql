-- A qualitative commitment counts as "reported" for a quarter when its accepted return line has a narrative.
-- The form trims what the supplier types (all Unicode white space) and stores nothing for a blank answer. The
-- database now holds the same rule, so every page and report can read "reported" as "narrative is not null".
-- The class is spelt out (ASCII white space) so the rule does not depend on the server's locale: whatever the
-- form keeps has a character outside it.
UPDATE "KpiReturnLine" SET narrative = NULL WHERE narrative IS NOT NULL AND narrative !~ '[^ \t\n\r\f\v]';
ALTER TABLE "KpiReturnLine" ADD CONSTRAINT "KpiReturnLine_narrative_has_text"
  CHECK (narrative IS NULL OR narrative ~ '[^ \t\n\r\f\v]');
