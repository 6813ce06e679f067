-- DropIndex
DROP INDEX "Request_organisationId_updatedAt_idx";

-- CreateIndex
CREATE INDEX "Request_organisationId_updatedAt_id_idx" ON "Request"("organisationId", "updatedAt" DESC, "id" DESC);

