-- The answer to "may we contact you" is kept as given (Yes, No or Prefer not to say), not only as a yes/no flag.
ALTER TABLE "SurveyResponse" ADD COLUMN "contactConsentAnswer" TEXT;
UPDATE "SurveyResponse" SET "contactConsentAnswer" = 'YES' WHERE "contactConsent";

-- Anonymised answers keep no timestamp that could tie them to the audit log's consent and submission entries.
ALTER TABLE "SurveyResponse" ALTER COLUMN "consentGivenAt" DROP NOT NULL;
