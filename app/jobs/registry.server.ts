import { MARKETPLACE_JOBS } from "~/domain/marketplace/jobs.server.ts";
import { openReturnsForQuarter, sendReturnReminders } from "~/domain/reporting/returns-jobs.server.ts";
import { runSurveyHousekeeping } from "~/domain/survey/anonymise.server.ts";

// Scheduled work. Each job must be idempotent for its period (re-running changes nothing), because a
// job can be retried after a crash; pg-boss makes sure one instance runs each tick.
export type ScheduledJob = {
  name: string;
  cron: string; // in Europe/London time
  run: (now: Date) => Promise<unknown>;
};

// Features add their jobs here (expiry, reminders, digests, returns, anonymisation).
export const SCHEDULED_JOBS: ScheduledJob[] = [
  // closes survey cycles past their closing date; anonymises answers after each cycle's retention period
  { name: "survey-housekeeping", cron: "15 2 * * *", run: runSurveyHousekeeping },
  // creates each contract's return for the quarter just ended (once) and tells the supplier it is open
  { name: "returns-open-quarter", cron: "0 6 * * *", run: (now) => openReturnsForQuarter(now) },
  // "due soon" reminders, then overdue notices to supplier and contract manager every few days
  { name: "returns-reminders", cron: "30 7 * * *", run: sendReturnReminders },
  // marketplace: expire requests after their needed-by date, 7-day expiry reminders, saved-search digests,
  // reminders to confirm a reported delivery
  ...MARKETPLACE_JOBS,
];
