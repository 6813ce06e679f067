-- When a saved search's daily email was last turned back on. A digest lists the requests published since its
-- last email or since this moment, whichever is later: turned off for a month and on again, the next email
-- was every request of that month, which the person had chosen not to hear about. Empty for a search whose
-- email was never turned off.
ALTER TABLE "SavedSearch" ADD COLUMN "digestTurnedOnAt" TIMESTAMP(3);
