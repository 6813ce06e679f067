-- When a saved search's daily email was last queued. lastDigestAt moves on at every daily check, whether or
-- not it found anything to email, so it cannot say when an email went: the saved searches page shows this
-- one as "Last emailed". Searches emailed before the column existed take the date of their latest digest
-- still in the outbox, matched by the person's address and the search name the subject ends with
-- (a digest's subject is "... for “name”"). Those with none there show "Not yet" until their next email.
ALTER TABLE "SavedSearch" ADD COLUMN "lastEmailedAt" TIMESTAMP(3);

UPDATE "SavedSearch" s
SET "lastEmailedAt" = (
  SELECT max(o."createdAt")
  FROM "EmailOutbox" o
  JOIN "User" u ON u.email = o."to"
  WHERE u.id = s."userId"
    AND o.template = 'marketplace.digest'
    AND right(o.subject, char_length(s.name) + 7) = ' for “' || s.name || '”'
)
WHERE s."lastDigestAt" IS NOT NULL;
