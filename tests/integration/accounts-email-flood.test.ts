// Forms that email an address the sender types cannot be used to flood someone's inbox: a person may ask for five
// new-address confirmations an hour, an organisation may send fifty invitations an hour; past that the form says
// how long to wait and nothing is sent.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { action as changeEmailAction } from "~/routes/account.email.tsx";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import { createUser, createWorld, sessionCookieFor, TEST_PASSWORD, unique } from "../helpers/factories.ts";
import { callAction, jsonOf } from "../helpers/routes.ts";
import { fromIp } from "../helpers/client-address.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();
// a fresh client address per test, so per-address counts from one never reach another
const formError = async (response: Response) =>
  Object.values((await jsonOf<{ error?: Record<string, string[]> }>(response)).error ?? {}).flat();

describe("confirmations of a new email address", () => {
  it("go to five addresses an hour from one person, then the form says how long to wait", async () => {
    const user = await createUser();
    const cookie = await sessionCookieFor(user.id);
    const headers = fromIp();
    const ask = (email: string) =>
      callAction(changeEmailAction, {
        path: "/account/email",
        cookie,
        headers,
        form: { email, currentPassword: TEST_PASSWORD },
      });
    const addresses = Array.from({ length: 6 }, () => `${unique("target")}@example.test`);
    for (const email of addresses.slice(0, 5)) expect((await ask(email)).status).toBe(302);
    const refused = await ask(addresses[5]);
    expect(refused.status).toBe(429);
    expect(await formError(refused)).toEqual([
      expect.stringMatching(/^Too many attempts\. Wait \d+ minutes?/),
    ]);
    expect(await db.emailOutbox.count({ where: { to: addresses[5] } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { to: { in: addresses.slice(0, 5) } } })).toBe(5);
  });
});

describe("invitations", () => {
  it("go out fifty an hour from one organisation, then the form says how long to wait", async () => {
    const cookie = await sessionCookieFor(world.users.supplierOwner.id);
    const invite = (email: string) =>
      callAction(organisationAction, {
        path: `/organisations/${world.supplier.id}`,
        params: { id: world.supplier.id },
        cookie,
        headers: fromIp(),
        form: { intent: "invite", email, role: "MEMBER" },
      });
    for (let i = 0; i < 50; i++)
      expect((await invite(`${unique("colleague")}@example.test`)).status).toBe(302);
    const last = `${unique("colleague")}@example.test`;
    const refused = await invite(last);
    expect(refused.status).toBe(429);
    expect(await formError(refused)).toEqual([
      expect.stringMatching(/^Too many attempts\. Wait \d+ minutes?/),
    ]);
    expect(await db.invitation.count({ where: { email: last } })).toBe(0);
    expect(await db.emailOutbox.count({ where: { to: last } })).toBe(0);

    // another organisation's invitations are counted on their own
    const vcseCookie = await sessionCookieFor(world.users.vcseOwner.id);
    const other = await callAction(organisationAction, {
      path: `/organisations/${world.vcse.id}`,
      params: { id: world.vcse.id },
      cookie: vcseCookie,
      headers: fromIp(),
      form: { intent: "invite", email: last, role: "MEMBER" },
    });
    expect(other.status).toBe(302);
  });
});
