// A council whose first admin never joined (the invitation expired after 7 days, or went to a mistyped address)
// gets one: only an admin of a council can invite to it, so such a council could never be used, and its name,
// taken, could not be added again. The platform admin invites its first admin again, once it has none.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as adminCouncilsAction, loader as adminCouncilsLoader } from "~/routes/admin.councils.tsx";
import { deletedEmailFor } from "~/domain/accounts/erasure.server.ts";
import { action as deleteAction } from "~/routes/account.delete.tsx";
import { action as invitationAction } from "~/routes/invitations.$token.tsx";
import {
  createCouncil,
  createMember,
  createUser,
  sessionCookieFor,
  TEST_PASSWORD,
  unique,
} from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";

afterAll(() => closeRateLimits());

const platformAdmin = await createUser({ isPlatformAdmin: true });
const cookie = await sessionCookieFor(platformAdmin.id);

const inviteAdmin = (councilId: string, email: string, as = cookie) =>
  callAction(adminCouncilsAction, {
    path: "/admin/councils",
    cookie: as,
    form: { intent: "invite-admin", inviteCouncilId: councilId, inviteEmail: email },
  });

async function councilWithExpiredInvitation() {
  const name = unique("Westshire Council");
  const first = `${unique("typo")}@example.test`;
  const created = await callAction(adminCouncilsAction, {
    path: "/admin/councils",
    cookie,
    form: { intent: "create-council", name, adminEmail: first },
  });
  expect(created.status).toBe(302);
  const council = await db.organisation.findFirstOrThrow({ where: { kind: "COUNCIL", name } });
  await db.invitation.updateMany({
    where: { organisationId: council.id },
    data: { expiresAt: new Date(Date.now() - 1000), createdAt: new Date(Date.now() - 8 * 86_400_000) },
  });
  return council;
}

function tokenIn(text: string) {
  return text.match(/\/invitations\/([A-Za-z0-9_-]+)/)![1];
}

describe("a council whose first admin never joined", () => {
  it("is offered to the platform admin, who invites its admin again, and that person joins as its admin", async () => {
    const council = await councilWithExpiredInvitation();
    const page = await jsonOf<{ councilsWithoutAdmin: { id: string }[] }>(
      await callLoader(adminCouncilsLoader, { path: "/admin/councils", cookie }),
    );
    expect(page.councilsWithoutAdmin.map((c) => c.id)).toContain(council.id);
    const html = await (await renderPage("/admin/councils", cookie)).text();
    expect(html).toContain('<label for="inviteEmail"');

    const admin = await createUser();
    const answers = await Promise.all([
      inviteAdmin(council.id, admin.email),
      inviteAdmin(council.id, admin.email),
    ]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    const emails = await db.emailOutbox.findMany({ where: { to: admin.email } });
    expect(emails).toHaveLength(1);
    expect(
      await db.auditLog.count({ where: { action: "council.invite_admin", organisationId: council.id } }),
    ).toBe(1);

    const token = tokenIn(emails[0].text);
    const joined = await callAction(invitationAction, {
      path: `/invitations/${token}`,
      params: { token },
      cookie: await sessionCookieFor(admin.id),
    });
    expect(joined.status).toBe(302);
    expect(
      await db.membership.findFirst({ where: { organisationId: council.id, userId: admin.id } }),
    ).toMatchObject({ role: "ADMIN" });
  });

  it("cancels the invitation to a mistyped address when its admin is invited again", async () => {
    const name = unique("Southshire Council");
    const typo = `${unique("typo")}@example.test`;
    await callAction(adminCouncilsAction, {
      path: "/admin/councils",
      cookie,
      form: { intent: "create-council", name, adminEmail: typo },
    });
    const council = await db.organisation.findFirstOrThrow({ where: { kind: "COUNCIL", name } });
    const stranger = await createUser({ email: typo });
    const typoToken = tokenIn((await db.emailOutbox.findFirstOrThrow({ where: { to: typo } })).text);
    expect((await inviteAdmin(council.id, `${unique("right")}@example.test`)).status).toBe(302);
    const refused = await callAction(invitationAction, {
      path: `/invitations/${typoToken}`,
      params: { token: typoToken },
      cookie: await sessionCookieFor(stranger.id),
    });
    expect(refused.status).toBe(400);
    expect(await db.membership.count({ where: { organisationId: council.id } })).toBe(0);
  });

  it("is not offered once the council has an admin, who invites colleagues themselves", async () => {
    const council = await createCouncil();
    await createMember(council.id, "ADMIN");
    const email = `${unique("someone")}@example.test`;
    const refused = await inviteAdmin(council.id, email);
    expect(refused.status).toBe(400);
    expect(JSON.stringify(await refused.json())).toContain(
      "This council has an admin: its admins invite colleagues themselves",
    );
    expect(await db.invitation.count({ where: { email } })).toBe(0);
    const page = await jsonOf<{ councilsWithoutAdmin: { id: string }[] }>(
      await callLoader(adminCouncilsLoader, { path: "/admin/councils", cookie }),
    );
    expect(page.councilsWithoutAdmin.map((c) => c.id)).not.toContain(council.id);
  });

  it("says what is wrong with the address, keeping what was typed", async () => {
    const council = await councilWithExpiredInvitation();
    const answer = await inviteAdmin(council.id, "not an address");
    expect(answer.status).toBe(400);
    const reply = await jsonOf<{ error: Record<string, string[]>; initialValue: Record<string, string> }>(
      answer,
    );
    expect(reply.error.inviteEmail).toEqual([
      "Enter an email address in the correct format, like name@example.com",
    ]);
    expect(reply.initialValue.inviteEmail).toBe("not an address");
  });

  it("keeps no address in its log entry once the person invited deletes their account", async () => {
    const council = await councilWithExpiredInvitation();
    const invitee = await createUser();
    expect((await inviteAdmin(council.id, invitee.email)).status).toBe(302);
    const deleted = await callAction(deleteAction, {
      path: "/account/delete",
      cookie: await sessionCookieFor(invitee.id),
      form: { currentPassword: TEST_PASSWORD },
    });
    expect(deleted.status).toBe(302);
    const entry = await db.auditLog.findFirstOrThrow({
      where: { action: "council.invite_admin", organisationId: council.id },
    });
    expect(entry.details).toEqual({ email: deletedEmailFor(invitee.id) });
  });

  it("cannot be invited to by anyone but a platform admin", async () => {
    const council = await councilWithExpiredInvitation();
    const stranger = await sessionCookieFor((await createUser()).id);
    expect((await inviteAdmin(council.id, `${unique("x")}@example.test`, stranger)).status).toBe(404);
  });
});
