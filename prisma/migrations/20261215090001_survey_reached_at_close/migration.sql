-- How many businesses a survey had reached (eligible or invited) when it closed, so that a closed survey
-- keeps the response rate it closed with as suppliers join or leave. Null for surveys closed before this
-- column, whose rate is still read against the businesses eligible now.
ALTER TABLE "SurveyCycle" ADD COLUMN "reachedAtClose" INTEGER;
