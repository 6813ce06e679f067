-- Survey entries were filed under the answering business, so the council that business is registered with
-- saw what it did in another council's survey. They move to the council running the cycle wherever the
-- response is still there to say which. Entries of deleted or anonymised responses cannot be placed: the
-- log viewer shows survey entries filed under a business to no council.
UPDATE "AuditLog" a
SET "organisationId" = c."councilId"
FROM "SurveyResponse" r
JOIN "SurveyCycle" c ON c.id = r."cycleId"
WHERE a."entityType" = 'SurveyResponse'
  AND a."entityId" = r.id
  AND a.action LIKE 'survey.%'
  AND a."organisationId" IS DISTINCT FROM c."councilId";
