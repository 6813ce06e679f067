-- A contract reference is unique in its council whatever its case: "ncc-2431" and "NCC-2431" name one contract,
-- as officers and procurement systems write them. The old index compared references exactly, so a CSV import
-- whose export wrote a reference in lower case registered a second contract beside the first instead of
-- updating it, and the register form let an officer do the same by hand.
-- References that already differ only in case keep the first one made unchanged and have the others end in
-- their id, so the index can be built and nothing is lost (an officer can then rename or merge them).
UPDATE "Contract" c SET "reference" = c."reference" || ' (' || c."id" || ')'
WHERE EXISTS (
  SELECT 1 FROM "Contract" o
  WHERE o."councilId" = c."councilId" AND lower(o."reference") = lower(c."reference")
    AND (o."createdAt", o."id") < (c."createdAt", c."id")
);

-- DropIndex
DROP INDEX "Contract_councilId_reference_key";

-- CreateIndex
CREATE UNIQUE INDEX "Contract_councilId_reference_lower_key" ON "Contract" ("councilId", lower("reference"));

-- CreateIndex
CREATE INDEX "Contract_councilId_reference_idx" ON "Contract"("councilId", "reference");
