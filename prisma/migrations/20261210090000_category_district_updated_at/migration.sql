-- When a category or district was last saved: its edit form carries it, so a change saved by a colleague after
-- the form was read is shown instead of overwritten. Entries saved before the column existed take the moment it
-- was added, which any form read before then does not carry anyway.
ALTER TABLE "Category" ADD COLUMN "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
ALTER TABLE "District" ADD COLUMN "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;
