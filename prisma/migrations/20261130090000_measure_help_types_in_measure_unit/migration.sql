-- A measure counts only marketplace help whose quantity is in the measure's own unit, as
-- app/domain/contracts/measure-help-types.ts says: volunteering and expertise in hours, funding in pounds,
-- goods as a count of items, work placements as people. The default library listed goods under SOC-02, a
-- measure in pounds, so a pledge of 20 items added 20 pounds. Every correction is written to the council's
-- audit log, so it can be traced (and undone by hand if a council wants).

-- 1. Measures lose the help types not in their unit.
WITH fitted AS (
  SELECT m."id", m."councilId", m."code", m."name",
    ARRAY(
      SELECT t.h FROM unnest(m."contributingHelpTypes") WITH ORDINALITY AS t(h, n)
      WHERE (CASE t.h WHEN 'VOLUNTEERING' THEN 'HOURS' WHEN 'EXPERTISE' THEN 'HOURS' WHEN 'FUNDING' THEN 'GBP'
        WHEN 'GOODS' THEN 'COUNT' WHEN 'WORK_PLACEMENT' THEN 'PEOPLE' END) = m."unit"::text
      ORDER BY t.n
    ) AS kept,
    ARRAY(
      SELECT t.h::text FROM unnest(m."contributingHelpTypes") WITH ORDINALITY AS t(h, n)
      WHERE (CASE t.h WHEN 'VOLUNTEERING' THEN 'HOURS' WHEN 'EXPERTISE' THEN 'HOURS' WHEN 'FUNDING' THEN 'GBP'
        WHEN 'GOODS' THEN 'COUNT' WHEN 'WORK_PLACEMENT' THEN 'PEOPLE' END) IS DISTINCT FROM m."unit"::text
      ORDER BY t.n
    ) AS removed
  FROM "Measure" m
),
corrected AS (
  UPDATE "Measure" m SET "contributingHelpTypes" = f.kept, "updatedAt" = CURRENT_TIMESTAMP
  FROM fitted f
  WHERE m."id" = f."id" AND cardinality(f.removed) > 0
  RETURNING m."id"
)
INSERT INTO "AuditLog" ("id", "organisationId", "action", "entityType", "entityId", "details")
SELECT gen_random_uuid()::text, f."councilId", 'measure.update', 'Measure', f."id",
  jsonb_build_object(
    'code', f."code",
    'name', f."name",
    'removedHelpTypes', to_jsonb(f.removed),
    'reason', 'Marketplace help counts only towards a measure in the same unit'
  )
FROM fitted f JOIN corrected c ON c."id" = f."id";

-- 2. A pledge already linked to a commitment on a measure in another unit stops counting towards it: its
-- quantity (items, hours, places) was being added as pounds, people or a percentage. The pledge itself is
-- untouched and still counts in the marketplace figures. The contract's history shows each one.
WITH mismatched AS (
  SELECT p."id", p."commitmentId", p."status", r."title", r."helpType",
    COALESCE(p."deliveredQuantity", p."quantity") AS amount,
    c."contractId", k."councilId", m."code"
  FROM "Pledge" p
  JOIN "Request" r ON r."id" = p."requestId"
  JOIN "Commitment" c ON c."id" = p."commitmentId"
  JOIN "Measure" m ON m."id" = c."measureId"
  JOIN "Contract" k ON k."id" = c."contractId"
  WHERE (CASE r."helpType" WHEN 'VOLUNTEERING' THEN 'HOURS' WHEN 'EXPERTISE' THEN 'HOURS' WHEN 'FUNDING' THEN 'GBP'
    WHEN 'GOODS' THEN 'COUNT' WHEN 'WORK_PLACEMENT' THEN 'PEOPLE' END) IS DISTINCT FROM m."unit"::text
),
unlinked AS (
  UPDATE "Pledge" p SET "commitmentId" = NULL, "updatedAt" = CURRENT_TIMESTAMP
  FROM mismatched x
  WHERE p."id" = x."id"
  RETURNING p."id"
)
INSERT INTO "AuditLog" ("id", "organisationId", "action", "entityType", "entityId", "details")
SELECT gen_random_uuid()::text, x."councilId", 'commitment.pledge_unlinked', 'Contract', x."contractId",
  jsonb_build_object(
    'measure', x."code",
    'commitmentId', x."commitmentId",
    'pledgeId', x."id",
    'pledgeStatus', x."status"::text,
    'helpType', x."helpType"::text,
    'reason', 'Marketplace help counts only towards a measure in the same unit',
    'changes', jsonb_build_array(jsonb_build_object(
      'field', 'pledge',
      'label', 'Marketplace pledge counted',
      'from', x."title" || ': ' || CASE x."helpType"
        WHEN 'FUNDING' THEN '£' || x.amount::text
        WHEN 'GOODS' THEN x.amount::text || ' items'
        WHEN 'WORK_PLACEMENT' THEN x.amount::text || ' places'
        ELSE x.amount::text || ' hours' END,
      'to', NULL
    ))
  )
FROM mismatched x JOIN unlinked u ON u."id" = x."id";

-- 3. The shipped help text of SOC-02 said it counted goods, where a council has not rewritten it.
UPDATE "Measure"
SET "helpText" = 'Money, and the value in pounds of goods, given to voluntary, community and social enterprises. Goods pledged through the marketplace are counted in items, not pounds: report their value here yourself.',
  "updatedAt" = CURRENT_TIMESTAMP
WHERE "code" = 'SOC-02'
  AND "helpText" = 'Money and the value of goods given to voluntary, community and social enterprises.';
