// A partnership officer on one council's dashboard who had switched to another council in another window followed
// its "Quarterly departmental report" link, or a year's local £, and got the other council's figures: the links
// named no council and /council/reports/local-value ignored one. Both links now name the dashboard's council, and
// the local £ page acts for it (its officers only, 404 to anyone else), keeping it on its link to the other view.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import {
  createCouncil,
  createMember,
  createPartnershipMember,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { contractInEachCouncil } from "../helpers/contract-in-each-council.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let officerId: string;
let referenceOfA: string;
let referenceOfB: string;

beforeAll(async () => {
  world = await createWorld();
  referenceOfA = unique("LINK-A");
  referenceOfB = unique("LINK-B");
  await contractInEachCouncil(world, [referenceOfA, referenceOfB]);
  const officer = await createPartnershipMember(world.councilA.id, "OFFICER");
  officerId = officer.id;
});

const hrefs = (html: string) =>
  [...html.matchAll(/href="([^"]+)"/g)].map(([, href]) => href!.replaceAll("&amp;", "&"));

describe("the council dashboard's report links, for an officer of several councils", () => {
  it("name the dashboard's council", async () => {
    const cookie = `${await sessionCookieFor(officerId)}; ${ORGANISATION_COOKIE}=${world.councilB.id}`;
    const html = await (await renderPage("/council/dashboard", cookie)).text();
    const links = hrefs(html);
    expect(links).toContain(`/council/reports?council=${world.councilB.id}`);
    expect(links).toContain(
      `/council/reports/local-value?year=2026&view=planned&council=${world.councilB.id}`,
    );
  });

  it("open that council's local £, though the switcher has moved to the other since", async () => {
    // switched back to council A in another window
    const cookie = `${await sessionCookieFor(officerId)}; ${ORGANISATION_COOKIE}=${world.councilA.id}`;
    const response = await renderPage(
      `/council/reports/local-value?year=2026&view=planned&council=${world.councilB.id}`,
      cookie,
    );
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = readableMainText(html);
    expect(text).toContain(world.councilB.name);
    expect(text).toContain(referenceOfB);
    expect(text).not.toContain(referenceOfA);
    expect(hrefs(html)).toContain(
      `/council/reports/local-value?year=2026&view=delivered&council=${world.councilB.id}`,
    );
  });

  it("is 404 to an officer of no such council", async () => {
    const elsewhere = await createCouncil();
    const outsider = await sessionCookieFor((await createMember(elsewhere.id, "OFFICER")).id);
    const response = await renderPage(
      `/council/reports/local-value?year=2026&view=planned&council=${world.councilB.id}`,
      outsider,
    );
    expect(response.status).toBe(404);
  });
});
