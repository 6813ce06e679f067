// Someone working for two councils opened the second one's dashboard (`?council=`) while the header switcher was on
// the first: "All your council's requests" and the box's figures led to /my-requests without the council, which
// listed the switcher's council's requests. The links now name the council the dashboard shows, and /my-requests
// lists that council's requests for its own members only; anyone else gets 404, as the council's other pages do.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import {
  addMember,
  createCategory,
  createCouncil,
  createPartnershipMember,
  createRequest,
  createWorld,
  sessionCookieFor,
} from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let workingForA: string;
let otherCouncilId: string;

beforeAll(async () => {
  world = await createWorld();
  // council A's officer is council B's officer too, and is working for A in the header switcher
  await addMember(world.councilB.id, world.users.officerA.id, "OFFICER");
  workingForA = `${await sessionCookieFor(world.users.officerA.id)}; ${ORGANISATION_COOKIE}=${world.councilA.id}`;
  const categoryB = await createCategory(world.councilB.id, "Food s46");
  await createRequest({
    councilId: world.councilB.id,
    organisationId: world.councilB.id,
    categoryId: categoryB.id,
    title: "Council B s46 own request",
  });
  await createRequest({
    councilId: world.councilA.id,
    organisationId: world.councilA.id,
    categoryId: world.category.id,
    title: "Council A s46 own request",
  });
  otherCouncilId = (await createCouncil({ name: "Council C s46" })).id;
});

describe("a council dashboard's requests box, for someone in two councils", () => {
  it("links to the requests of the council the dashboard shows", async () => {
    const response = await renderPage(`/council/dashboard?council=${world.councilB.id}`, workingForA);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain(
      `href="/my-requests?council=${world.councilB.id}">All your council’s requests</a>`,
    );
    expect(html).not.toMatch(/href="\/my-requests"/);
  });

  it("lists the named council's requests, whichever council the switcher is on", async () => {
    const response = await renderPage(`/my-requests?council=${world.councilB.id}`, workingForA);
    expect(response.status).toBe(200);
    const text = readableText(await response.text());
    expect(text).toContain("Council B s46 own request");
    expect(text).not.toContain("Council A s46 own request");
  });

  it("still lists the switcher's council's requests when the address names none", async () => {
    const text = readableText(await (await renderPage("/my-requests", workingForA)).text());
    expect(text).toContain("Council A s46 own request");
    expect(text).not.toContain("Council B s46 own request");
  });
});

describe("/my-requests naming a council the person may not act for", () => {
  it.each([
    ["a council they do not work for", () => world.users.officerA.id, () => otherCouncilId],
    // a partnership-wide officer works for B only through the partnership, and B's own requests are its members'
    [
      "a partner council they work for through the partnership only",
      async () => (await createPartnershipMember(world.councilA.id, "OFFICER")).id,
      () => world.councilB.id,
    ],
    ["their own group, which is no council", () => world.users.vcseOwner.id, () => world.vcse.id],
  ])("answers 404 for %s", async (_, user, council) => {
    const response = await renderPage(
      `/my-requests?council=${council()}`,
      await sessionCookieFor(await user()),
    );
    expect(response.status).toBe(404);
    expect(readableText(await response.text())).not.toContain("s46 own request");
  });
});
