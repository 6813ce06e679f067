// A delivery the supplier reported and the requestor never confirmed or disputed sat for ever, nobody reminded. The
// requestor is now reminded a week after the report and once more three weeks after it, counted in London days;
// the nightly query reads the same rule as a moment (reportedBeforeFor), held here to the same answer.
import { describe, expect, it } from "vitest";
import {
  DELIVERY_REMINDER_DAYS,
  deliveryReminderDue,
  reportedBeforeFor,
  type DeliveryReminderStage,
} from "~/domain/marketplace/delivery-reminder-rule.ts";

const at = (iso: string) => new Date(iso);

describe("which reminder is due", () => {
  // a Monday in winter, London on UTC
  const reported = at("2031-01-06T15:00:00Z");

  it("none in the first week, the first from the seventh day, whatever the hour", () => {
    expect(deliveryReminderDue(reported, at("2031-01-12T23:59:00Z"))).toBeNull();
    expect(deliveryReminderDue(reported, at("2031-01-13T00:01:00Z"))).toBe(1);
    expect(deliveryReminderDue(reported, at("2031-01-20T08:30:00Z"))).toBe(1);
  });

  it("the second from the twenty-first day, once the first was sent", () => {
    expect(deliveryReminderDue(reported, at("2031-01-26T08:30:00Z"), 1)).toBeNull();
    expect(deliveryReminderDue(reported, at("2031-01-27T08:30:00Z"), 1)).toBe(2);
  });

  it("nothing once the one due was sent, and nothing after the second", () => {
    expect(deliveryReminderDue(reported, at("2031-01-14T08:30:00Z"), 1)).toBeNull();
    expect(deliveryReminderDue(reported, at("2031-01-27T08:30:00Z"), 2)).toBeNull();
    expect(deliveryReminderDue(reported, at("2032-01-27T08:30:00Z"), 2)).toBeNull();
  });

  it("only the latest due: a report left a month with none sent gets the second, not both", () => {
    expect(deliveryReminderDue(reported, at("2031-02-06T08:30:00Z"))).toBe(2);
  });

  it("counts London days in summer time: reported at 23:30 in London, a week later after midnight in London", () => {
    // 23:30 BST on Tuesday 8 July is 22:30 UTC; 00:30 BST on Tuesday 15 July is still 14 July in UTC
    expect(deliveryReminderDue(at("2031-07-08T22:30:00Z"), at("2031-07-14T23:30:00Z"))).toBe(1);
    expect(deliveryReminderDue(at("2031-07-08T22:30:00Z"), at("2031-07-14T22:30:00Z"))).toBeNull();
  });

  it("reminds a week and three weeks after", () => {
    expect(DELIVERY_REMINDER_DAYS).toEqual([7, 21]);
  });
});

describe("the query's moment (reportedBeforeFor)", () => {
  it("gives the rule's answer for every hour of a report and a run, across both clock changes", () => {
    const hour = 60 * 60 * 1000;
    const disagreements: string[] = [];
    // runs at every hour across the spring change (30 March 2031) and the autumn one (26 October 2031)
    for (const start of ["2031-03-20T00:00:00Z", "2031-10-16T00:00:00Z"]) {
      const from = at(start).getTime();
      for (let r = 0; r < 24 * 16; r += 1) {
        const reportedAt = new Date(from + r * hour);
        for (const runDays of [6, 7, 8, 20, 21, 22]) {
          for (const runHour of [0, 1, 8, 23]) {
            const now = new Date(reportedAt.getTime() - (reportedAt.getTime() % (24 * hour)));
            now.setTime(now.getTime() + runDays * 24 * hour + runHour * hour);
            for (const stage of [1, 2] as DeliveryReminderStage[]) {
              const byRule = (deliveryReminderDue(reportedAt, now, stage - 1) ?? 0) >= stage;
              const byQuery = reportedAt < reportedBeforeFor(stage, now);
              if (byRule !== byQuery)
                disagreements.push(`${reportedAt.toISOString()} ${now.toISOString()} stage ${stage}`);
            }
          }
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});
