// Found in the s40 survey review: cancelling a survey that had invited a few thousand businesses, some of whose
// invitation emails were still waiting in the outbox and some sent, must settle them all in the one transaction:
// every waiting email withdrawn, every address already emailed told once, every invitation deleted. The work is a
// few statements whatever the size of the round (no statement per address), so it stays inside the request's time.
import crypto from "node:crypto";
import { describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { londonDay } from "~/domain/calendar.ts";
import { cancelCycle, surveyCycleEmails } from "~/domain/survey/cycles.server.ts";
import { createCouncil, createMember, createSurveyCycle } from "../helpers/factories.ts";

const DAY = 24 * 60 * 60 * 1000;
const WAITING = 2500;
const SENT = 2500;

describe("cancelling a survey whose invitation round is part sent, part waiting", () => {
  it(
    "withdraws every waiting email, tells every address emailed, and deletes every invitation",
    { timeout: 180_000 },
    async () => {
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
      const addresses = Array.from({ length: WAITING + SENT }, (_, i) => `business-${i}@mixed.example.test`);
      await db.surveyInvitation.createMany({
        data: addresses.map((email) => ({
          cycleId: cycle.id,
          email,
          tokenHash: crypto.randomBytes(16).toString("hex"),
          createdAt: new Date(Date.now() - 60_000),
        })),
      });
      await db.emailOutbox.createMany({
        data: addresses.map((to, i) => ({
          to,
          councilId: council.id,
          template: "survey-invitation",
          about: surveyCycleEmails(cycle.id),
          subject: `${council.name} invites your business to its ${cycle.year} supplier survey`,
          html: "",
          text: "",
          ...(i < SENT ? { status: "SENT" as const, sentAt: new Date() } : { status: "PENDING" as const }),
        })),
      });

      const cancelled = await cancelCycle({ userId: officer.id, councilId: council.id }, cycle.id);
      expect(cancelled).toMatchObject({ invitations: WAITING + SENT });

      // every waiting invitation email withdrawn, every sent one kept as the record it is
      expect(
        await db.emailOutbox.count({ where: { template: "survey-invitation", status: "PENDING" } }),
      ).toBe(0);
      expect(await db.emailOutbox.count({ where: { template: "survey-invitation", status: "SENT" } })).toBe(
        SENT,
      );
      // every address emailed told once, and no address that was never emailed
      const told = await db.emailOutbox.findMany({
        where: { template: "survey-cancelled" },
        select: { to: true },
      });
      expect(told).toHaveLength(SENT);
      expect(new Set(told.map((t) => t.to))).toEqual(new Set(addresses.slice(0, SENT)));
      // the cycle and every invitation gone
      expect(await db.surveyInvitation.count({ where: { cycleId: cycle.id } })).toBe(0);
      expect(await db.surveyCycle.count({ where: { id: cycle.id } })).toBe(0);
      const audit = await db.auditLog.findFirstOrThrow({
        where: { entityId: cycle.id, action: "survey.cycle.close" },
      });
      expect(audit.details).toMatchObject({
        invitationsDeleted: WAITING + SENT,
        invitationEmailsWithdrawn: WAITING,
        cancellationEmails: SENT,
      });
    },
  );
});
