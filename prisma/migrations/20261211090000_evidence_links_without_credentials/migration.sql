-- Evidence links stored before the return form refused a user name or password in them lose them, in the
-- return lines and in the answers kept with each submission (KpiReturnEvent.submittedLines), so neither pages,
-- backups nor later code carry them. As withoutCredentials in app/domain/reporting/evidence-link.ts does: tabs and
-- line breaks dropped (BROWSER_DROPS), then USERINFO (leading spaces and control characters, a scheme, any slashes
-- or backslashes, everything up to the last at sign before the path, query or fragment) becomes scheme then two
-- slashes. A stripped link no longer matches, so running this again changes nothing, and an empty database has
-- nothing to change.

WITH userinfo AS (SELECT '^[\x01-\x20]*([A-Za-z][A-Za-z0-9+.-]*):[/\\]*[^/?#]*@'::text AS pattern)
UPDATE "KpiReturnLine" l
SET "evidenceUrl" = regexp_replace(regexp_replace(l."evidenceUrl", '[\t\n\r]', '', 'g'), userinfo.pattern, '\1://')
FROM userinfo
WHERE regexp_replace(l."evidenceUrl", '[\t\n\r]', '', 'g') ~ userinfo.pattern;

WITH userinfo AS (SELECT '^[\x01-\x20]*([A-Za-z][A-Za-z0-9+.-]*):[/\\]*[^/?#]*@'::text AS pattern)
UPDATE "KpiReturnEvent" e
SET "submittedLines" = (
  SELECT jsonb_agg(
    CASE
      WHEN jsonb_typeof(t.line -> 'evidenceUrl') = 'string'
        AND regexp_replace(t.line ->> 'evidenceUrl', '[\t\n\r]', '', 'g') ~ userinfo.pattern
        THEN jsonb_set(t.line, '{evidenceUrl}', to_jsonb(
          regexp_replace(regexp_replace(t.line ->> 'evidenceUrl', '[\t\n\r]', '', 'g'), userinfo.pattern, '\1://')
        ))
      ELSE t.line
    END
    ORDER BY t.position
  )
  FROM jsonb_array_elements(e."submittedLines") WITH ORDINALITY AS t(line, position)
)
FROM userinfo
WHERE jsonb_typeof(e."submittedLines") = 'array'
  AND EXISTS (
    SELECT 1
    FROM jsonb_array_elements(e."submittedLines") AS t(line)
    WHERE jsonb_typeof(t.line -> 'evidenceUrl') = 'string'
      AND regexp_replace(t.line ->> 'evidenceUrl', '[\t\n\r]', '', 'g') ~ userinfo.pattern
  );

-- And none is stored again, by any code: the form refuses these links before they come here (evidenceUrlError
-- refuses every link this pattern finds, and more), so a save the form took is never refused by this.
ALTER TABLE "KpiReturnLine" ADD CONSTRAINT "KpiReturnLine_evidenceUrl_without_credentials" CHECK (
  "evidenceUrl" IS NULL
  OR regexp_replace("evidenceUrl", '[\t\n\r]', '', 'g') !~ '^[\x01-\x20]*([A-Za-z][A-Za-z0-9+.-]*):[/\\]*[^/?#]*@'
);
