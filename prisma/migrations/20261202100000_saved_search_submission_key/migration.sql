-- A double-submitted "Save search" form made two saved searches. Each form now carries a one-off key, as the
-- pledge form does, and a user's key is unique: the second save finds the first. Existing rows have no key
-- (NULLs never clash), so nothing needs to be cleaned up first.
ALTER TABLE "SavedSearch" ADD COLUMN     "submissionKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "SavedSearch_userId_submissionKey_key" ON "SavedSearch"("userId", "submissionKey");
