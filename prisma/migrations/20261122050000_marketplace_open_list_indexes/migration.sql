-- Hand-written (Prisma cannot express partial indexes): the public marketplace list shows only requests
-- taking pledges, newest first or closing soonest. Without these, Postgres reads and sorts every open row.
CREATE INDEX "Request_open_published_idx" ON "Request" ("publishedAt" DESC, "id" DESC)
  WHERE "status" IN ('OPEN', 'PARTIALLY_PLEDGED');
CREATE INDEX "Request_open_neededBy_idx" ON "Request" ("neededBy", "id")
  WHERE "status" IN ('OPEN', 'PARTIALLY_PLEDGED');
