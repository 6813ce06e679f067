-- AlterTable
ALTER TABLE "SurveyInvitation" ADD COLUMN     "contactOfIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- Links already sent to an address typed in and not yet followed keep the businesses whose contact address it is
-- now as those it was sent to (the best record there is of when it was sent)
UPDATE "SurveyInvitation" AS i
SET "contactOfIds" = ARRAY(
  SELECT o."id" FROM "Organisation" AS o
  WHERE o."kind" = 'SUPPLIER' AND lower(o."contactEmail") = lower(i."email")
  ORDER BY o."id"
)
WHERE i."organisationId" IS NULL;
