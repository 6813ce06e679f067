-- The gender identity question asked "Is the gender … identify with different from their sex registered at birth?"
-- and kept the answer as YES or NO. It now asks the GSS harmonised question, "… the same as their sex registered at
-- birth?", and keeps each answer by what it means (decision 055): YES to the old question is DIFFERENT, NO is SAME.
-- Every cycle's answers are changed (closed and anonymised ones too), so the report and its year-on-year comparison,
-- and the answers a new cycle starts from, keep their meaning. "Prefer not to say" is left as it is.
UPDATE "SurveyProtectedAnswers"
SET "answers" = jsonb_set(
  "answers",
  '{genderIdentity}',
  CASE "answers"->>'genderIdentity' WHEN 'YES' THEN '"DIFFERENT"'::jsonb ELSE '"SAME"'::jsonb END
)
WHERE jsonb_typeof("answers") = 'object' AND "answers"->>'genderIdentity' IN ('YES', 'NO');
