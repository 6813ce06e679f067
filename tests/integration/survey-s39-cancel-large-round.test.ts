// Found in the s39 survey QA: cancelling a survey before it opens writes, in its transaction, a cancellation email
// to each address already sent an invitation. A council that had invited a few thousand businesses ran past the
// transaction's default time limit and could not cancel at all; it now has the time an invitation round has.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { londonDay } from "~/domain/calendar.ts";
import { cancelCycle, surveyCycleEmails } from "~/domain/survey/cycles.server.ts";
import { createCouncil, createMember, createSurveyCycle } from "../helpers/factories.ts";

const DAY = 24 * 60 * 60 * 1000;
const ROUND = 3000;

describe("cancelling a survey sent to many businesses", () => {
  it("tells every address already emailed", { timeout: 120_000 }, async () => {
    const council = await createCouncil();
    const officer = await createMember(council.id, "OFFICER", { surveyAccess: true });
    const today = londonDay(new Date()).getTime();
    const opensOn = new Date(today + 30 * DAY);
    const cycle = await createSurveyCycle({
      councilId: council.id,
      year: opensOn.getUTCFullYear(),
      opensOn,
      closesOn: new Date(today + 90 * DAY),
    });
    const addresses = Array.from({ length: ROUND }, (_, i) => `business-${i}@many.example.test`);
    const invitedAt = new Date(Date.now() - 60_000);
    await db.surveyInvitation.createMany({
      data: addresses.map((email) => ({
        cycleId: cycle.id,
        email,
        tokenHash: crypto.randomBytes(16).toString("hex"),
        createdAt: invitedAt,
      })),
    });
    await db.emailOutbox.createMany({
      data: addresses.map((to) => ({
        to,
        councilId: council.id,
        template: "survey-invitation",
        about: surveyCycleEmails(cycle.id),
        subject: `${council.name} invites your business to its ${cycle.year} supplier survey`,
        html: "",
        text: "",
        status: "SENT" as const,
        sentAt: new Date(),
      })),
    });
    const cancelled = await cancelCycle({ userId: officer.id, councilId: council.id }, cycle.id);
    expect(cancelled).toMatchObject({ invitations: ROUND });
    expect(await db.emailOutbox.count({ where: { template: "survey-cancelled" } })).toBe(ROUND);
  });
});
