-- AlterTable
ALTER TABLE "AuditLog" ADD COLUMN     "actorOrganisationId" TEXT;

-- CreateIndex
CREATE INDEX "AuditLog_actorOrganisationId_createdAt_idx" ON "AuditLog"("actorOrganisationId", "createdAt" DESC);

-- AddForeignKey
ALTER TABLE "AuditLog" ADD CONSTRAINT "AuditLog_actorOrganisationId_fkey" FOREIGN KEY ("actorOrganisationId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

