// Officers of the council a request is for may read its pledges' pages (session 45), but no page linked there: the
// request's page now lists its pledges (supplier, amount, status) for the council's own officers, each linking to
// its pledge. A partner council's shared staff (decision 011), other councils, suppliers and groups get no list
// (a supplier still sees its own pledges), and the group that asked sees them on its manage page, not twice.
import { beforeAll, describe, expect, it } from "vitest";
import { loader as requestLoader } from "~/routes/requests.$id._index.tsx";
import { createPartnershipMember, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";
import { pledgesText, requestWithTwoPledges } from "../helpers/request-with-two-pledges.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

let world: Awaited<ReturnType<typeof requestWithTwoPledges>>["world"];
let needId: string;
let pledgeIds: { own: string; other: string };
let sharedOfficerId: string;

beforeAll(async () => {
  ({ world, needId, pledgeIds } = await requestWithTwoPledges());
  sharedOfficerId = (await createPartnershipMember(world.councilB.id, "OFFICER")).id;
});

async function requestPageAs(userId: string | null) {
  const cookie = userId ? await sessionCookieFor(userId) : undefined;
  const response = await callLoader(requestLoader, {
    path: `/requests/${needId}`,
    params: { id: needId },
    cookie,
  });
  expect(response.status).toBe(200);
  const data = await jsonOf<{ councilPledges: unknown }>(response);
  const page = await renderPage(`/requests/${needId}`, cookie);
  expect(page.status).toBe(200);
  return { data, html: await page.text() };
}

describe("the request page's list of pledges", () => {
  it.each([
    { who: "an officer of the request's council", user: () => world.users.officerA.id },
    { who: "an admin of the request's council", user: () => world.users.councilAdmin.id },
  ])("is shown to $who, each pledge linking to its page", async ({ user }) => {
    const { data, html } = await requestPageAs(user());
    expect(data.councilPledges).toEqual([
      {
        id: pledgeIds.own,
        supplierName: world.supplier.name,
        amount: "4 hours",
        deliveredShort: null,
        status: "ACCEPTED",
      },
      {
        id: pledgeIds.other,
        supplierName: world.otherSupplier.name,
        amount: "3 hours",
        deliveredShort: null,
        status: "OFFERED",
      },
    ]);
    expect(html).toContain(`href="/pledges/${pledgeIds.own}"`);
    expect(html).toContain(`href="/pledges/${pledgeIds.other}"`);
    const text = pledgesText(html);
    expect(text).toContain("Pledges to this request");
    expect(text).toContain(`${world.supplier.name}’s pledge 4 hours accepted`);
    expect(text).toContain(`${world.otherSupplier.name}’s pledge 3 hours offered`);
    // and the page it links to answers them
    const pledgePage = await renderPage(`/pledges/${pledgeIds.other}`, await sessionCookieFor(user()));
    expect(pledgePage.status).toBe(200);
  });

  it.each<{ who: string; user: () => string | null; sees: ("own" | "other")[] }>([
    { who: "a partner council's shared officer", user: () => sharedOfficerId, sees: [] },
    { who: "an officer of another council", user: () => world.users.officerB.id, sees: [] },
    { who: "another group", user: () => world.users.otherVcseOwner.id, sees: [] },
    // its own pledge only, as before
    { who: "the supplier that pledged", user: () => world.users.supplierMember.id, sees: ["own"] },
    { who: "someone signed out", user: () => null, sees: [] },
  ])("is not shown to $who", async ({ user, sees }) => {
    const { data, html } = await requestPageAs(user());
    expect(data.councilPledges).toBeNull();
    expect(readableMainText(html)).not.toContain("Pledges to this request");
    for (const which of ["own", "other"] as const)
      if (sees.includes(which)) expect(html).toContain(`href="/pledges/${pledgeIds[which]}"`);
      else expect(html).not.toContain(`href="/pledges/${pledgeIds[which]}"`);
  });

  it("is not shown twice to the group that asked, which sees the pledges on its manage page", async () => {
    const { data, html } = await requestPageAs(world.users.vcseMember.id);
    expect(data.councilPledges).toBeNull();
    expect(html).not.toContain(`href="/pledges/`);
    expect(html).toContain(`href="/requests/${needId}/manage"`);
  });
});
