-- "Post a request" sent twice (a double click, the form sent again) made two requests. The new-request form now
-- carries a one-off key, unique within the organisation, and the second post finds the first. Existing rows,
-- and requests made any other way, have no key (NULLs never clash).
-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "submissionKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Request_organisationId_submissionKey_key" ON "Request"("organisationId", "submissionKey");

