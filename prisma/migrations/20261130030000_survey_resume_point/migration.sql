-- "Continue the survey" returns the respondent to the page after the last one they saved.
ALTER TABLE "SurveyResponse" ADD COLUMN "resumeAt" TEXT;
