-- Category and district names are unique in their council whatever their case, as the council lists page
-- checks before writing. The old indexes compared names exactly, so two officers adding "Food" and "food" (or
-- renaming two entries to them) at the same moment both got through the page's check and both were saved.
-- Names that already differ only in case (only such a race could make them) keep the first one made
-- unchanged and have the others end in their id, so the index can be built and nothing is lost.
UPDATE "Category" c SET "name" = c."name" || ' (' || c."id" || ')'
WHERE EXISTS (
  SELECT 1 FROM "Category" o
  WHERE o."councilId" = c."councilId" AND lower(o."name") = lower(c."name") AND o."id" < c."id"
);

UPDATE "District" d SET "name" = d."name" || ' (' || d."id" || ')'
WHERE EXISTS (
  SELECT 1 FROM "District" o
  WHERE o."councilId" = d."councilId" AND lower(o."name") = lower(d."name") AND o."id" < d."id"
);

-- DropIndex
DROP INDEX "Category_councilId_name_key";

-- DropIndex
DROP INDEX "District_councilId_name_key";

-- CreateIndex
CREATE UNIQUE INDEX "Category_councilId_name_lower_key" ON "Category" ("councilId", lower("name"));

-- CreateIndex
CREATE UNIQUE INDEX "District_councilId_name_lower_key" ON "District" ("councilId", lower("name"));
