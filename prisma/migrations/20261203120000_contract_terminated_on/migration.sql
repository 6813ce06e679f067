-- A terminated contract now records the day it ended early, so plan to date, the committed figure and the
-- quarterly returns stop there instead of running on to the original end date (decision 025).
-- The column is set exactly when the status is TERMINATED, and lies within the contract's term.
-- Contracts already terminated get the day they were last changed (the nearest record of when it happened),
-- kept within their term. Officers can correct it on the contract's edit page.
-- AlterTable
ALTER TABLE "Contract" ADD COLUMN     "terminatedOn" DATE;

UPDATE "Contract"
SET "terminatedOn" = LEAST("endDate", GREATEST("startDate", ("updatedAt" AT TIME ZONE 'UTC' AT TIME ZONE 'Europe/London')::date))
WHERE status = 'TERMINATED';

ALTER TABLE "Contract" ADD CONSTRAINT "Contract_terminatedOn_when_terminated"
  CHECK (("status" = 'TERMINATED') = ("terminatedOn" IS NOT NULL));
ALTER TABLE "Contract" ADD CONSTRAINT "Contract_terminatedOn_within_term"
  CHECK ("terminatedOn" IS NULL OR ("terminatedOn" >= "startDate" AND "terminatedOn" <= "endDate"));
