-- The record an email is about, as kind and id (survey-cycle:<id> for a survey invitation), so that emails not
-- sent yet can be withdrawn when that record is cancelled, and those sent found, without reading their text.
ALTER TABLE "EmailOutbox" ADD COLUMN "about" TEXT;

CREATE INDEX "EmailOutbox_about_idx" ON "EmailOutbox"("about");
