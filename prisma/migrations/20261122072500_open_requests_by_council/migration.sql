-- The public list filtered to one council (every council's own view of the marketplace), in both sort
-- orders. Without these, "closing soon" for one council walked the all-councils index past thousands of
-- other councils' requests. Partial, like the indexes before them: only open requests are ever listed.
CREATE INDEX "Request_open_council_neededBy_idx" ON "Request" ("councilId", "neededBy", "id")
  WHERE "status" IN ('OPEN', 'PARTIALLY_PLEDGED');
CREATE INDEX "Request_open_council_published_idx" ON "Request" ("councilId", "publishedAt" DESC, "id" DESC)
  WHERE "status" IN ('OPEN', 'PARTIALLY_PLEDGED');
