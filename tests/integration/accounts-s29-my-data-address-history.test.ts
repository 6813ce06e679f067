// "Download your data" lists what was emailed to each address while it was the person's: those sent to an address
// they have moved away from are still theirs, and those sent to their address while another account had it (before
// that account moved away) are that other person's, not theirs.
import { afterAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { db } from "~/db.server.ts";
import { issueUserToken } from "~/domain/accounts/tokens.server.ts";
import { loader as dataLoader } from "~/routes/account.data.tsx";
import { action as organisationAction } from "~/routes/organisations.$id._index/route.tsx";
import { createUser, createWorld, sessionCookieFor, unique } from "../helpers/factories.ts";
import { callAction, callLoader } from "../helpers/routes.ts";
import { confirm } from "./email-change-world.ts";

afterAll(() => closeRateLimits());

const world = await createWorld();

type MyData = {
  emailsSentToYou: { subject: string; template: string }[];
  invitationsToYou: { role: string; organisation: { name: string } }[];
};

async function invite(email: string, organisationId: string, ownerId: string) {
  await callAction(organisationAction, {
    path: `/organisations/${organisationId}`,
    params: { id: organisationId },
    cookie: await sessionCookieFor(ownerId),
    form: { intent: "invite", email, role: "MEMBER" },
  });
}

async function moveTo(userId: string, newEmail: string) {
  const token = await db.$transaction((tx) => issueUserToken(tx, userId, "EMAIL_CHANGE", { newEmail }));
  await confirm(token!);
}

async function myData(userId: string) {
  const response = await callLoader(dataLoader, {
    path: "/account/data",
    cookie: await sessionCookieFor(userId),
  });
  return (await response.json()) as MyData;
}

describe("my data after an address changed hands", () => {
  it("keeps each address's emails with the account that had it when they were sent", async () => {
    const first = `${unique("first")}@example.test`;
    const second = `${unique("second")}@example.test`;
    const earlier = await createUser({ email: first });
    await invite(first, world.vcse.id, world.users.vcseOwner.id);
    await moveTo(earlier.id, second);
    expect((await db.user.findUniqueOrThrow({ where: { id: earlier.id } })).email).toBe(second);
    await invite(second, world.supplier.id, world.users.supplierOwner.id);

    // someone else signs up with the address the first account left, and is invited with it
    const later = await createUser({ email: first });
    await invite(first, world.supplier.id, world.users.supplierOwner.id);

    const theirs = await myData(earlier.id);
    expect(theirs.emailsSentToYou.map((e) => e.template).sort()).toEqual([
      "account.email_changed",
      "membership.invitation",
      "membership.invitation",
    ]);
    expect(theirs.invitationsToYou.map((i) => i.organisation.name).sort()).toEqual(
      [world.vcse.name, world.supplier.name].sort(),
    );

    const mine = await myData(later.id);
    expect(mine.emailsSentToYou.map((e) => e.template)).toEqual(["membership.invitation"]);
    expect(mine.invitationsToYou.map((i) => i.organisation.name)).toEqual([world.supplier.name]);
  });

  it("keeps an invitation sent before the person signed up as theirs", async () => {
    const address = `${unique("invited")}@example.test`;
    await invite(address, world.vcse.id, world.users.vcseOwner.id);
    const user = await createUser({ email: address });
    const data = await myData(user.id);
    expect(data.invitationsToYou.map((i) => i.organisation.name)).toEqual([world.vcse.name]);
    expect(data.emailsSentToYou.map((e) => e.template)).toEqual(["membership.invitation"]);
  });
});
