-- Only open requests are ever searched (the public list and saved-search digests). A GIN index over open
-- requests alone leaves out the fifth of the table that is closed, so a search visits no closed rows and the
-- index is smaller. Measured on the 100,000-request seed: "laptops" (6,666 open matches) 16–20 ms → 14 ms.
DROP INDEX "Request_searchVector_idx";
CREATE INDEX "Request_open_searchVector_idx" ON "Request" USING GIN ("searchVector")
  WHERE "status" IN ('OPEN', 'PARTIALLY_PLEDGED');
