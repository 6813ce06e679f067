-- Entries written before the log recorded whom their actor acted for: worked out from the action and the
-- record it names, as the code now records it. What cannot be placed (the record is gone, or the entry is an
-- account event of a person) stays unset: account events are matched to an organisation by its members.

-- The work of council staff, and membership changes, are done for the organisation the entry is filed under.
UPDATE "AuditLog"
SET "actorOrganisationId" = "organisationId"
WHERE "actorOrganisationId" IS NULL
  AND "actorUserId" IS NOT NULL
  AND "organisationId" IS NOT NULL
  AND (
    action IN (
      'organisation.verify', 'organisation.reject', 'request.approve', 'request.requestChanges',
      'return.accept', 'return.query', 'council.settings_update', 'survey.cycle.open', 'survey.cycle.close',
      'survey.invite', 'survey.contacts.export', 'survey.answers.read', 'survey.answers.export'
    )
    OR action LIKE 'membership.%'
    OR action LIKE 'category.%'
    OR action LIKE 'district.%'
    OR action LIKE 'measure.%'
    OR action LIKE 'contract.%'
    OR action LIKE 'commitment.%'
    OR action LIKE 'guidance.%'
  );

-- Registering an organisation, and leaving it without members, are done for that organisation.
UPDATE "AuditLog"
SET "actorOrganisationId" = o.id
FROM "Organisation" o
WHERE "AuditLog"."actorOrganisationId" IS NULL
  AND "AuditLog"."actorUserId" IS NOT NULL
  AND "AuditLog".action IN ('organisation.register', 'organisation.left_without_members')
  AND "AuditLog"."entityId" = o.id;

-- Pledging, withdrawing and reporting delivery are for the supplier, answering a pledge is for the requestor.
UPDATE "AuditLog"
SET "actorOrganisationId" = CASE
    WHEN "AuditLog".action IN ('pledge.create', 'pledge.withdraw', 'pledge.reportDelivery')
      THEN p."supplierOrganisationId"
    ELSE r."organisationId"
  END
FROM "Pledge" p
JOIN "Request" r ON r.id = p."requestId"
WHERE "AuditLog"."actorOrganisationId" IS NULL
  AND "AuditLog"."actorUserId" IS NOT NULL
  AND "AuditLog"."entityType" = 'Pledge'
  AND "AuditLog"."entityId" = p.id
  AND "AuditLog".action IN (
    'pledge.create', 'pledge.withdraw', 'pledge.reportDelivery',
    'pledge.accept', 'pledge.decline', 'pledge.confirm', 'pledge.dispute'
  );

-- Everything else done to a request by a person is for its requestor (moderation was placed above).
UPDATE "AuditLog"
SET "actorOrganisationId" = r."organisationId"
FROM "Request" r
WHERE "AuditLog"."actorOrganisationId" IS NULL
  AND "AuditLog"."actorUserId" IS NOT NULL
  AND "AuditLog"."entityType" = 'Request'
  AND "AuditLog"."entityId" = r.id
  AND "AuditLog".action IN (
    'request.create', 'request.edit', 'request.submit', 'request.withdraw', 'request.extend',
    'request.setShowcase'
  );

-- Submitting a return and its evidence is for the supplier.
UPDATE "AuditLog"
SET "actorOrganisationId" = c."supplierOrganisationId"
FROM "KpiReturn" k
JOIN "Contract" c ON c.id = k."contractId"
WHERE "AuditLog"."actorOrganisationId" IS NULL
  AND "AuditLog"."actorUserId" IS NOT NULL
  AND (
    ("AuditLog".action = 'return.submit' AND "AuditLog"."entityId" = k.id)
    OR (
      "AuditLog".action IN ('return.evidence_upload', 'return.evidence_remove')
      AND "AuditLog".details ->> 'returnId' = k.id
    )
  );

-- Whoever acts on a survey response acts for the business answering.
UPDATE "AuditLog"
SET "actorOrganisationId" = s."organisationId"
FROM "SurveyResponse" s
WHERE "AuditLog"."actorOrganisationId" IS NULL
  AND "AuditLog"."actorUserId" IS NOT NULL
  AND "AuditLog"."entityType" = 'SurveyResponse'
  AND "AuditLog"."entityId" = s.id;
