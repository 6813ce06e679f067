-- A failed sign-in was recorded with the account it was tried on as its actor, so it read, in the audit log and
-- in the person's own "download my data", as something they did. Whoever typed the password is not known: the
-- entries written before the change lose their actor and keep the account as their record (entityId), as the
-- code now writes them.
UPDATE "AuditLog"
SET "actorUserId" = NULL
WHERE action = 'auth.sign_in_failed'
  AND "entityType" = 'User'
  AND "actorUserId" IS NOT NULL
  AND "entityId" = "actorUserId";
