-- An invitation the person it was sent to declined: when they said no. Such an invitation also has revokedAt set,
-- so every check for an open invitation treats it as ended. This column lets its organisation see it as declined.
ALTER TABLE "Invitation" ADD COLUMN "declinedAt" TIMESTAMP(3);
