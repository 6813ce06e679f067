// Deleting an account erases its address wherever it was written for it, but only what was written while the address
// was its own: an address it took over from another account (which moved away) still names that account in what was
// written to it before, and that stays as it was.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { issueUserToken } from "~/domain/accounts/tokens.server.ts";
import { action as deleteAction } from "~/routes/account.delete.tsx";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import {
  createSurveyCycle,
  createSurveyResponse,
  createUser,
  createWorld,
  sessionCookieFor,
  TEST_PASSWORD,
  unique,
} from "../helpers/factories.ts";
import { callAction } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";
import { confirm } from "./email-change-world.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();

async function invite(email: string) {
  await callAction(organisationAction, {
    path: `/organisations/${world.vcse.id}`,
    params: { id: world.vcse.id },
    cookie: await sessionCookieFor(world.users.vcseOwner.id),
    form: { intent: "invite", email, role: "MEMBER" },
  });
}

describe("deleting an account whose address another account had before", () => {
  it("leaves what was written to the address for the earlier account as it was", async () => {
    const address = `${unique("handed-on")}@example.test`;
    const earlier = await createUser({ email: address });
    await invite(address);
    const token = await db.$transaction((tx) =>
      issueUserToken(tx, earlier.id, "EMAIL_CHANGE", { newEmail: `${unique("moved")}@example.test` }),
    );
    await confirm(token!);
    const theirs = await db.emailOutbox.findMany({ where: { to: address }, orderBy: { createdAt: "asc" } });
    expect(theirs.map((e) => e.template).sort()).toEqual(["account.email_changed", "membership.invitation"]);
    const theirInvitation = await db.invitation.findFirstOrThrow({ where: { email: address } });

    const later = await createUser({ email: address });
    const response = await callAction(deleteAction, {
      path: "/account/delete",
      cookie: await sessionCookieFor(later.id),
      headers: fromIp(),
      form: { currentPassword: TEST_PASSWORD, leaveWithoutMembers: [] },
    });
    expect(response.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: later.id } })).deletedAt).not.toBeNull();

    const after = await db.emailOutbox.findMany({
      where: { id: { in: theirs.map((e) => e.id) } },
      orderBy: { createdAt: "asc" },
    });
    expect(after.map((e) => ({ to: e.to, html: e.html }))).toEqual(
      theirs.map((e) => ({ to: e.to, html: e.html })),
    );
    expect((await db.invitation.findUniqueOrThrow({ where: { id: theirInvitation.id } })).email).toBe(
      address,
    );
    const inviteEntry = await db.auditLog.findFirstOrThrow({
      where: { action: "membership.invite", entityId: theirInvitation.id },
    });
    expect((inviteEntry.details as { email: string }).email).toBe(address);
  });
});

describe("deleting an account whose address another account was the survey contact under", () => {
  it("leaves the earlier account's survey contact details and invitation as they were", async () => {
    const address = `${unique("survey-contact")}@example.test`;
    const earlier = await createUser({ email: address });
    const cycle = await createSurveyCycle({ councilId: world.councilA.id, year: 2019, status: "CLOSED" });
    const named = await createSurveyResponse({
      cycleId: cycle.id,
      organisationId: world.supplier.id,
      contactConsent: true,
    });
    await db.surveyResponse.update({
      where: { id: named.id },
      data: { contactName: "Earlier Person", contactEmail: address },
    });
    const invited = await db.surveyInvitation.create({
      data: {
        cycleId: cycle.id,
        organisationId: world.supplier.id,
        email: address,
        tokenHash: unique("hash"),
      },
    });
    const token = await db.$transaction((tx) =>
      issueUserToken(tx, earlier.id, "EMAIL_CHANGE", { newEmail: `${unique("moved")}@example.test` }),
    );
    await confirm(token!);

    const later = await createUser({ email: address });
    const response = await callAction(deleteAction, {
      path: "/account/delete",
      cookie: await sessionCookieFor(later.id),
      headers: fromIp(),
      form: { currentPassword: TEST_PASSWORD, leaveWithoutMembers: [] },
    });
    expect(response.status).toBe(302);

    expect(await db.surveyResponse.findUniqueOrThrow({ where: { id: named.id } })).toMatchObject({
      contactName: "Earlier Person",
      contactEmail: address,
      contactConsent: true,
    });
    expect((await db.surveyInvitation.findUniqueOrThrow({ where: { id: invited.id } })).email).toBe(address);
  });
});
