-- The VCSE dashboard lists a group's requests closing in the next 14 days (or past their date). Without this index
-- PostgreSQL read the needed-by date of every request in the table to find them (decision 012, addendum).
-- CreateIndex
CREATE INDEX "Request_organisationId_neededBy_idx" ON "Request"("organisationId", "neededBy");
