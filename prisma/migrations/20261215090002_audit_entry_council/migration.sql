-- Each audit entry records the council whose log it is (decision 042). Until now a council found the entries filed
-- under its suppliers and groups through the organisation, and an organisation deleted since (decision 041) took
-- them out of every council log. The column is kept as it was written, and the organisation may go.
ALTER TABLE "AuditLog" ADD COLUMN "councilId" TEXT;
-- and the organisation it was filed under, as written, with no foreign key: kept when that organisation is deleted
ALTER TABLE "AuditLog" ADD COLUMN "filedUnderId" TEXT;

-- AddForeignKey: a council with audit entries is not deleted (councils are never deleted by the app)
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_councilId_fkey" FOREIGN KEY ("councilId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Entries written so far: filed under a council, that council. Filed under a supplier or group, the council it is
-- registered with.
UPDATE "AuditLog" a
SET "councilId" = CASE WHEN o."kind" = 'COUNCIL' THEN o."id" ELSE o."councilId" END,
  "filedUnderId" = o."id"
FROM "Organisation" o
WHERE a."organisationId" = o."id";

-- Entries about an organisation deleted already (their organisationId became null with it): the council in whose
-- log its deletion was recorded. Entries filed under the deleted organisation that name something else (its
-- invitations and member changes) cannot be placed any more, and stay in no council log.
UPDATE "AuditLog" a
SET "councilId" = d."organisationId"
FROM "AuditLog" d
WHERE a."councilId" IS NULL
  AND a."organisationId" IS NULL
  AND a."entityType" = 'Organisation'
  AND a."entityId" = d."entityId"
  AND d."action" = 'organisation.delete'
  AND d."entityType" = 'Organisation'
  AND d."organisationId" IS NOT NULL;

-- CreateIndex
CREATE INDEX "AuditLog_councilId_createdAt_idx" ON "AuditLog"("councilId", "createdAt" DESC);
