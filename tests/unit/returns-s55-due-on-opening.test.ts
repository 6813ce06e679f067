// When a return opened today is due. A contract from April registered on 7 December 2026 opened its Q1 and Q2
// returns at once: Q1 (back-filled) got 30 days from the day it opened, Q2 (the quarter just ended) kept 30 October
// and was overdue on its first day. Every quarter opened late now gets the same time (decision 023, session 55).
import { describe, expect, it } from "vitest";
import {
  daysUntilDue,
  dueDateOnOpening,
  isOverdue,
  isReminderDue,
} from "~/domain/reporting/returns-rules.ts";

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const SETTINGS = { returnDueDays: 30, reminderDaysBefore: 7 };
const Q1_END = day("2026-06-30");
const Q2_END = day("2026-09-30");

describe("a return's due date when it opens", () => {
  it("is the usual one when the daily run opens it the morning after its quarter ends", () => {
    expect(dueDateOnOpening(Q2_END, new Date("2026-10-01T05:00:00Z"), SETTINGS)).toEqual(day("2026-10-30"));
  });

  it("is the usual one for the tightest settings a council may save (reminder one day less than the due days)", () => {
    const tight = { returnDueDays: 2, reminderDaysBefore: 1 };
    expect(dueDateOnOpening(Q2_END, new Date("2026-10-01T05:00:00Z"), tight)).toEqual(day("2026-10-02"));
  });

  it("is the usual one while at least the reminder's days are left", () => {
    // 7 days before 30 October: reminded the next morning, as every return is a week before
    expect(dueDateOnOpening(Q2_END, new Date("2026-10-23T14:00:00Z"), SETTINGS)).toEqual(day("2026-10-30"));
  });

  it("is the usual days from today when fewer days than the reminder's are left", () => {
    expect(dueDateOnOpening(Q2_END, new Date("2026-10-24T14:00:00Z"), SETTINGS)).toEqual(day("2026-11-23"));
  });

  it("is the usual days from today once the usual date has passed, the same for every quarter opened at once", () => {
    const registered = new Date("2026-12-07T14:00:00Z");
    expect(dueDateOnOpening(Q1_END, registered, SETTINGS)).toEqual(day("2027-01-06"));
    expect(dueDateOnOpening(Q2_END, registered, SETTINGS)).toEqual(day("2027-01-06"));
  });

  it("counts days in London: opened at 23:30 on 24 October (BST) it is opened on the 24th", () => {
    expect(dueDateOnOpening(Q2_END, new Date("2026-10-24T22:30:00Z"), SETTINGS)).toEqual(day("2026-11-23"));
  });

  it("follows the council's own settings", () => {
    const settings = { returnDueDays: 45, reminderDaysBefore: 10 };
    // usual date 14 November: 11 days left on 3 November, 9 on the 5th
    expect(dueDateOnOpening(Q2_END, new Date("2026-11-03T12:00:00Z"), settings)).toEqual(day("2026-11-14"));
    expect(dueDateOnOpening(Q2_END, new Date("2026-11-05T12:00:00Z"), settings)).toEqual(day("2026-12-20"));
  });

  it("leaves nothing overdue, and nothing to remind about, on the day a return opens", () => {
    for (const opened of [
      "2026-10-01",
      "2026-10-20",
      "2026-10-29",
      "2026-10-30",
      "2026-12-07",
      "2027-03-31",
    ]) {
      const now = new Date(`${opened}T15:00:00Z`);
      for (const end of [Q1_END, Q2_END]) {
        const dueDate = dueDateOnOpening(end, now, SETTINGS);
        const kpiReturn = { status: "NOT_STARTED" as const, dueDate, reminderSentAt: null };
        expect(isOverdue(kpiReturn, now), `${opened}, quarter ending ${end.toISOString()}`).toBe(false);
        expect(daysUntilDue(dueDate, now)).toBeGreaterThanOrEqual(SETTINGS.reminderDaysBefore);
        // the next morning at the earliest, and only at the usual week before
        expect(isReminderDue(kpiReturn, now, SETTINGS.reminderDaysBefore - 1)).toBe(false);
      }
    }
  });
});
