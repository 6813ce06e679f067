// A change of name is written to the audit log, as a change of email address is: the log shows each entry's actor
// by their name now, so without it an officer who renamed themselves changed who every past entry seemed to be by,
// and nothing showed it. Sent twice, it is logged once; a deleted account's former names are erased with it.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as deleteAction } from "~/routes/account.delete.tsx";
import { action as nameAction } from "~/routes/account.name.tsx";
import { loader as auditLoader } from "~/routes/council.audit.tsx";
import {
  createCouncil,
  createMember,
  createUser,
  sessionCookieFor,
  TEST_PASSWORD,
} from "../helpers/factories.ts";
import { callAction, callLoader, jsonOf } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

const rename = (cookie: string, name: string) =>
  callAction(nameAction, { path: "/account/name", cookie, headers: fromIp(), form: { name } });

describe("a change of name", () => {
  it("is in the council's audit log for its officer, with the names before and after, once when sent twice", async () => {
    const council = await createCouncil();
    const admin = await createMember(council.id, "ADMIN");
    const officer = await createMember(council.id, "OFFICER", { name: "Olive Officer" });
    const cookie = await sessionCookieFor(officer.id);
    const answers = await Promise.all([rename(cookie, "Pat Someone"), rename(cookie, "Pat Someone")]);
    expect(answers.map((a) => a.status)).toEqual([302, 302]);
    expect((await db.user.findUniqueOrThrow({ where: { id: officer.id } })).name).toBe("Pat Someone");

    const log = await callLoader(auditLoader, {
      path: "/council/audit?action=account.name_changed",
      cookie: await sessionCookieFor(admin.id),
    });
    const { entries } = await jsonOf<{
      entries: { action: string; details: { label: string; value: string }[] }[];
    }>(log);
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ action: "account.name_changed" });
    expect(entries[0].details).toEqual([
      { label: "From", value: "Olive Officer" },
      { label: "To", value: "Pat Someone" },
    ]);

    // saved again unchanged: nothing to log
    expect((await rename(cookie, "Pat Someone")).status).toBe(302);
    expect(await db.auditLog.count({ where: { action: "account.name_changed", entityId: officer.id } })).toBe(
      1,
    );
  });

  it("leaves no former name behind when the account is deleted", async () => {
    const person = await createUser({ name: "Robin Former" });
    const cookie = await sessionCookieFor(person.id);
    expect((await rename(cookie, "Robin Latest")).status).toBe(302);
    const deleted = await callAction(deleteAction, {
      path: "/account/delete",
      cookie,
      headers: fromIp(),
      form: { currentPassword: TEST_PASSWORD },
    });
    expect(deleted.status).toBe(302);
    const entries = await db.auditLog.findMany({
      where: { action: "account.name_changed", entityId: person.id },
      select: { details: true },
    });
    expect(entries).toHaveLength(1);
    expect(JSON.stringify(entries)).not.toMatch(/Robin/);
  });
});
