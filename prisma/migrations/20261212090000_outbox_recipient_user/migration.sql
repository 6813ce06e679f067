-- The account an outbox email was written for. Whose an email was (an account's own data export, and what deleting
-- the account erases) was guessed from the address it went to and the audit log's address changes, with a minute's
-- allowance for the notice a move sends to the address left. Additive: the column is nullable and rows written
-- before it stay NULL (they are still read by address and time, as before). Nothing existing is rewritten.
ALTER TABLE "EmailOutbox" ADD COLUMN "userId" TEXT;

CREATE INDEX "EmailOutbox_userId_idx" ON "EmailOutbox"("userId");

-- accounts are kept when deleted (as "Deleted user"), so this only matters if a user row is ever removed
ALTER TABLE "EmailOutbox" ADD CONSTRAINT "EmailOutbox_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
