-- The VCSE dashboard counts every request of a group due within 14 days that the expiry rule would close, and
-- lists the first ten. The rule reads each request status and id, so with only ("organisationId", "neededBy")
-- indexed PostgreSQL fetched every such request from the table (about 1,000 pages for a group with 8,000
-- requests). With id in the key and status included the count is an index-only scan, and only the ten listed
-- requests are read from the table (decision 047, addendum). Prisma 6 cannot declare INCLUDE, so the index is
-- written here and not in schema.prisma, and replaces the narrower one.
DROP INDEX "Request_organisationId_neededBy_idx";
CREATE INDEX "Request_closing_soon_idx" ON "Request" ("organisationId", "neededBy", "id") INCLUDE ("status");
