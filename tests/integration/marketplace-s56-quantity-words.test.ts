// The public list said how much of a request was needed in plain words ("Still needed: 15 hours of the 20 hours
// asked for"), but its other pages kept older ones: the pledge page and the suggestions "Still needed: 15 hours by
// …", the requestor's lists "Pledged 5 hours of 20 hours", and a closed request "Pledged: 20 hours of 20 hours" when
// it had been met. Every page now says it in the list's words (stillNeeded), a closed request what it came to. The
// case study choice's hint read as if choosing it made the request public; its own page is public either way.
import { beforeAll, describe, expect, it } from "vitest";
import { formatDate } from "~/ui/format.ts";
import {
  createMember,
  createOrganisation,
  createRequest,
  createSupplierWithCommitment,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let requestor: string;

beforeAll(async () => {
  world = await createWorld();
  requestor = await sessionCookieFor(world.users.vcseOwner.id);
});

const request = (
  status: "PARTIALLY_PLEDGED" | "FULFILLED" | "EXPIRED" | "WITHDRAWN",
  pledgedQuantity: number,
  overrides: { organisationId?: string; showcaseConsent?: boolean } = {},
) =>
  createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    districtId: world.district.id,
    quantity: 20,
    pledgedQuantity,
    status,
    ...overrides,
  });

const textOf = async (path: string, cookie?: string) => {
  const response = await renderPage(path, cookie);
  expect(response.status).toBe(200);
  return readableMainText(await response.text());
};

// the older words, none of which any page may say again
const OLD_WORDS = [
  /Still needed: \d+ hours by/,
  /\d+ hours of \d+ hours/,
  /Pledged: /,
  /still needed \d+ hours by/,
];

describe("how much of a request is needed, on every page that says it", () => {
  it("is said on the pledge page as the request's own page says it", async () => {
    const need = await request("PARTIALLY_PLEDGED", 5);
    const text = await textOf(
      `/requests/${need.id}/pledge`,
      await sessionCookieFor(world.users.supplierOwner.id),
    );
    expect(text).toContain(
      `Still needed: 15 hours of the 20 hours asked for Needed by ${formatDate(need.neededBy)}`,
    );
    for (const old of OLD_WORDS) expect(text).not.toMatch(old);
  });

  it("is said on the suggestions of requests that fit a supplier's commitments, and on its dashboard", async () => {
    const { cookie } = await createSupplierWithCommitment({
      councilId: world.councilA.id,
      helpTypes: ["VOLUNTEERING"],
      target: 500,
    });
    const need = await request("PARTIALLY_PLEDGED", 5);
    const matching = await textOf("/matching", cookie);
    expect(matching).toContain(
      `${need.title} Volunteering · ${world.category.name} · ${world.councilA.name} Still needed: 15 hours of the 20 hours asked for Needed by ${formatDate(need.neededBy)}`,
    );
    const dashboard = await textOf("/dashboard", cookie);
    expect(dashboard).toContain(
      `${need.title} Volunteering · ${world.category.name} · ${world.councilA.name} Still needed: 15 hours of the 20 hours asked for. Needed by ${formatDate(need.neededBy)}`,
    );
    for (const old of OLD_WORDS) {
      expect(matching).not.toMatch(old);
      expect(dashboard).not.toMatch(old);
    }
  });

  it("is said on the group's list of its requests and its dashboard, a closed one saying what it came to", async () => {
    // a group of its own, whose lists hold these four only
    const group = await createOrganisation({ kind: "VCSE", councilId: world.councilA.id });
    const cookie = await sessionCookieFor((await createMember(group.id, "OWNER")).id);
    const running = await request("PARTIALLY_PLEDGED", 5, { organisationId: group.id });
    const met = await request("FULFILLED", 20, { organisationId: group.id });
    const expired = await request("EXPIRED", 5, { organisationId: group.id });
    const withdrawn = await request("WITHDRAWN", 0, { organisationId: group.id });
    for (const path of ["/my-requests", "/dashboard"]) {
      const text = await textOf(path, cookie);
      expect(text).toMatch(
        new RegExp(`${running.title} .*? Still needed: 15 hours of the 20 hours asked for `),
      );
      expect(text).toMatch(new RegExp(`${met.title} .*? Met in full: 20 hours delivered `));
      expect(text).toMatch(
        new RegExp(`${expired.title} .*? Pledged before it closed: 5 hours of the 20 hours asked for `),
      );
      expect(text).toMatch(
        new RegExp(`${withdrawn.title} .*? Asked for: 20 hours, none pledged before it closed `),
      );
      for (const old of OLD_WORDS) expect(text).not.toMatch(old);
    }
  });

  it("is said on a fulfilled request's own page as what was met, not what is still needed", async () => {
    const met = await request("FULFILLED", 20);
    const text = await textOf(`/requests/${met.id}`);
    expect(text).toContain("Met in full: 20 hours delivered");
    expect(text).not.toContain("Still needed");
    expect(text).not.toContain("Fully pledged");
    for (const old of OLD_WORDS) expect(text).not.toMatch(old);
  });
});

describe("the case study choice on a fulfilled request's manage page", () => {
  it("says the request's own page stays public either way, as it does", async () => {
    const met = await request("FULFILLED", 20, { showcaseConsent: false });
    const manage = await textOf(`/requests/${met.id}/manage`, requestor);
    expect(manage).toContain(
      "Show this request as a case study on the public impact page and the council’s case studies page " +
        "The request’s own page stays public either way, as it was while the request was open. A case study also " +
        "lists it on the impact page and the council’s case studies page, showing your group’s name",
    );
    expect(manage).not.toContain("Both pages will show");
    // not a case study, and still public to someone not signed in
    const page = await textOf(`/requests/${met.id}`);
    expect(page).toContain(met.title);
    expect(page).toContain(met.description);
  });
});
