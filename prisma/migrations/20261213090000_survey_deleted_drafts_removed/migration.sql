-- Survey answers a business deleted before sending them were kept as a WITHDRAWN response, so the business list
-- called the survey "Withdrawn" and the council counted a withdrawal for answers it never had. Such a deletion
-- now removes the response itself (responses.server.ts withdrawResponse). This removes the ones stored before:
-- a WITHDRAWN response whose latest withdrawal in the audit log records that the answers had not been sent.
-- Their answers were already cleared, and any protected answers row goes with them (ON DELETE CASCADE). Withdrawals
-- logged before the log said whether the answers were sent are kept as they are, as they were then told.
-- The audit entries themselves are kept.
DELETE FROM "SurveyResponse" r
WHERE r.status = 'WITHDRAWN'
  AND (
    SELECT a.details ->> 'sent'
    FROM "AuditLog" a
    WHERE a."entityType" = 'SurveyResponse'
      AND a."entityId" = r.id
      AND a.action = 'survey.response.withdraw'
    ORDER BY a."createdAt" DESC, a.id DESC
    LIMIT 1
  ) = 'false';
