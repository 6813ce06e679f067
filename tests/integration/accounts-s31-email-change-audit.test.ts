// Asking to move an account to a new email address wrote nothing to the audit log: a council's log showed the move
// once confirmed, but not who had asked for it, when, or a request never confirmed (someone with the password trying
// the account's address). The request is now logged, naming the account and both addresses, never the link's
// token; its confirmation is the "account.email_changed" entry. Deleting the account erases both addresses from it.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { hashToken } from "~/domain/accounts/tokens.server.ts";
import { action as deleteAction } from "~/routes/account.delete.tsx";
import { action as emailAction } from "~/routes/account.email.tsx";
import { loader as auditLoader } from "~/routes/council.audit.tsx";
import { createMember, createWorld, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { fromIp } from "../helpers/client-address.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { askToMove, confirm } from "./email-change-world.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();

type Entry = {
  action: string;
  entityType: string;
  entityId: string;
  details: { label: string; value: string }[];
  createdAt: string;
  actor: { email: string } | null;
};

async function councilLog(user: string) {
  const { entries } = await jsonOf<{ entries: Entry[] }>(
    await callLoader(auditLoader, {
      path: `/council/audit?user=${encodeURIComponent(user)}`,
      cookie: await sessionCookieFor(world.users.councilAdmin.id),
    }),
  );
  return entries;
}

describe("an officer moving their account to a new address", () => {
  it("is in the council's audit log when asked for and when confirmed, with no token", async () => {
    const officer = await createMember(world.councilA.id, "OFFICER");
    const oldEmail = officer.email;
    const newEmail = `${unique("moved")}@example.test`;
    const { token } = await askToMove(officer.id, newEmail);

    const asked = (await councilLog(oldEmail)).filter((e) => e.action.startsWith("account.email"));
    expect(asked.map((e) => e.action)).toEqual(["account.email_change_requested"]);
    expect(asked[0]).toMatchObject({ entityType: "User", entityId: officer.id, actor: { email: oldEmail } });
    expect(asked[0]!.details).toEqual([
      { label: "From", value: oldEmail },
      { label: "To", value: newEmail },
    ]);

    const confirmed = await confirm(token);
    expect(confirmed.status).toBe(302);

    // the actor is shown by the address they have now
    const both = (await councilLog(newEmail)).filter((e) => e.action.startsWith("account.email"));
    expect(both.map((e) => e.action)).toEqual(["account.email_changed", "account.email_change_requested"]);
    expect(both.every((e) => e.entityId === officer.id)).toBe(true);
    expect(new Date(both[0]!.createdAt) >= new Date(both[1]!.createdAt)).toBe(true);

    const rows = await db.auditLog.findMany({ where: { entityId: officer.id }, select: { details: true } });
    const written = JSON.stringify(rows);
    expect(written).toContain(newEmail);
    expect(written).not.toContain(token);
    expect(written).not.toContain(hashToken(token));
  });

  it("is logged when asked for even if never confirmed, and erased with the account", async () => {
    const officer = await createMember(world.councilA.id, "OFFICER");
    const newEmail = `${unique("never-confirmed")}@example.test`;
    await askToMove(officer.id, newEmail);
    const request = await db.auditLog.findFirstOrThrow({
      where: { action: "account.email_change_requested", entityId: officer.id },
      select: { id: true, details: true, actorUserId: true, ipAddress: true },
    });
    expect(request.details).toEqual({ from: officer.email, to: newEmail });
    expect(request.actorUserId).toBe(officer.id);
    expect(request.ipAddress).toBeTruthy();

    const deleted = await callAction(deleteAction, {
      path: "/account/delete",
      cookie: await sessionCookieFor(officer.id),
      headers: fromIp(),
      form: { currentPassword: TEST_PASSWORD },
    });
    expect(deleted.status).toBe(302);
    const placeholder = `deleted-${officer.id}@deleted.invalid`;
    expect((await db.auditLog.findUniqueOrThrow({ where: { id: request.id } })).details).toEqual({
      from: placeholder,
      to: placeholder,
    });
  });

  it("is not logged when the current password is wrong (that is logged as such)", async () => {
    const officer = await createMember(world.councilA.id, "OFFICER");
    const response = await callAction(emailAction, {
      path: "/account/email",
      cookie: await sessionCookieFor(officer.id),
      headers: fromIp(),
      form: { email: `${unique("nope")}@example.test`, currentPassword: "not the password" },
    });
    expect(response.status).toBe(400);
    const actions = await db.auditLog.findMany({ where: { entityId: officer.id }, select: { action: true } });
    expect(actions.map((a) => a.action)).toEqual(["auth.current_password_failed"]);
  });
});
