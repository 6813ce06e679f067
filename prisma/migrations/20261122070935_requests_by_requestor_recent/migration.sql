-- CreateIndex
CREATE INDEX "Request_organisationId_updatedAt_idx" ON "Request"("organisationId", "updatedAt" DESC);

