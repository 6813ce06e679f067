-- Each submission of a return keeps the supplier's answers as sent, so a return queried and sent again shows
-- the contract manager what the supplier changed.
ALTER TABLE "KpiReturnEvent" ADD COLUMN "submittedLines" JSONB;

-- A return waiting for review cannot have been changed since it was sent: its latest submission's answers
-- are its lines as they are now. Returns already queried may have been edited since, so they have none.
UPDATE "KpiReturnEvent" e
SET "submittedLines" = coalesce((
  SELECT jsonb_agg(jsonb_build_object(
    'commitmentId', l."commitmentId",
    'quantity', l.quantity::text,
    'narrative', l.narrative,
    'note', l.note,
    'evidenceUrl', l."evidenceUrl",
    'evidence', coalesce((
      SELECT jsonb_agg(jsonb_build_object('id', f.id, 'name', f."originalName") ORDER BY f."createdAt", f.id)
      FROM "EvidenceFile" f WHERE f."returnLineId" = l.id
    ), '[]'::jsonb)
  ) ORDER BY l."commitmentId")
  FROM "KpiReturnLine" l WHERE l."returnId" = e."returnId"
), '[]'::jsonb)
WHERE e.id IN (
  SELECT DISTINCT ON (r.id) ev.id
  FROM "KpiReturn" r JOIN "KpiReturnEvent" ev ON ev."returnId" = r.id AND ev."toStatus" = 'SUBMITTED'
  WHERE r.status = 'SUBMITTED'
  ORDER BY r.id, ev."createdAt" DESC, ev.id DESC
);
