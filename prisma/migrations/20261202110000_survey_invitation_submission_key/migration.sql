-- "Send invitation" pressed twice (a double click, the form sent again) emailed the business twice. The form
-- now carries a one-off key, unique within the cycle, and the second send finds the first. Invitations sent to
-- every eligible business, and existing rows, have no key (NULLs never clash).
-- AlterTable
ALTER TABLE "SurveyInvitation" ADD COLUMN     "submissionKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "SurveyInvitation_cycleId_submissionKey_key" ON "SurveyInvitation"("cycleId", "submissionKey");

