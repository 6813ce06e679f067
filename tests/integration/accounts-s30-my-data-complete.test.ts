// "Download your data" says it is everything we hold about the person, but listed only the newest 500 of their
// audit entries, emails sent to them and timeline entries. A subject access request must have them all.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { loader as dataLoader } from "~/routes/account.data.tsx";
import { createMember, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { callLoader } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
const MANY = 501;

describe("my data", () => {
  it("lists every audit entry and every email sent to me, however many", async () => {
    const user = await createMember(world.supplier.id, "MEMBER");
    const since = new Date(Date.now() - 60 * 60 * 1000);
    await db.auditLog.createMany({
      data: Array.from({ length: MANY }, (_, i) => ({
        actorUserId: user.id,
        action: "auth.sign_in",
        entityType: "User",
        entityId: user.id,
        createdAt: new Date(since.getTime() + i * 1000),
      })),
    });
    await db.emailOutbox.createMany({
      data: Array.from({ length: MANY }, (_, i) => ({
        to: user.email,
        subject: `Notice ${i}`,
        html: "<p>Notice</p>",
        text: "Notice",
        template: "test.notice",
        status: "SENT" as const,
        sentAt: new Date(since.getTime() + i * 1000),
        createdAt: new Date(since.getTime() + i * 1000),
      })),
    });
    const response = await callLoader(dataLoader, {
      path: "/account/data",
      cookie: await sessionCookieFor(user.id),
    });
    const data = (await response.json()) as {
      auditEntries: { action: string }[];
      emailsSentToYou: { subject: string }[];
    };
    expect(data.auditEntries.filter((e) => e.action === "auth.sign_in")).toHaveLength(MANY);
    const subjects = new Set(data.emailsSentToYou.map((e) => e.subject));
    expect(subjects.has("Notice 0")).toBe(true);
    expect(subjects.has(`Notice ${MANY - 1}`)).toBe(true);
    expect(data.emailsSentToYou.filter((e) => e.subject.startsWith("Notice "))).toHaveLength(MANY);
  });
});
