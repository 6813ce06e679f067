-- When a survey invitation's waiting link was last replaced by a new one and sent again. The invite-by-email
-- form sent twice (a double click) finds the invitation the first sending wrote by its one-off key, and is
-- answered as that sending was: "sent again" when it replaced a link, "sent" when it was the first. Invitations
-- sent again before the column existed are not known as such and stay empty.
ALTER TABLE "SurveyInvitation" ADD COLUMN "sentAgainAt" TIMESTAMP(3);
