// An officer working for several councils of a partnership followed a link to one council's dashboard
// (`/council/dashboard?council=<id>`, as the reports, the contracts and the returns take it) and got the council the
// header switcher was on instead: the dashboard followed the switcher only. It now acts for the council the address
// names (its officers, a partner's shared staff included; 404 to anyone else, as the reports answer), and every
// link on it to the council's pages names that council, so each figure leads to the same council's records.
import { beforeAll, describe, expect, it } from "vitest";
import { ORGANISATION_COOKIE } from "~/auth/permissions.server.ts";
import {
  createCouncil,
  createMember,
  createOrganisation,
  createPartnershipMember,
  createWorld,
  sessionCookieFor,
  unique,
} from "../helpers/factories.ts";
import { contractInEachCouncil } from "../helpers/contract-in-each-council.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;
let onB: string;
let outsider: string;
let referenceOfA: string;
let referenceOfB: string;

beforeAll(async () => {
  world = await createWorld();
  referenceOfA = unique("DASH-A");
  referenceOfB = unique("DASH-B");
  // awarded in the last 12 months, so the awarded figures link to contracts
  await contractInEachCouncil(world, [referenceOfA, referenceOfB], {
    awardedOn: new Date(Date.now() - 30 * 86_400_000),
  });
  // something waiting for each council, so its queue links
  for (const council of [world.councilA, world.councilB])
    await createOrganisation({ kind: "VCSE", councilId: council.id, status: "PENDING" });
  // council B's officer, partnership-wide: works for council A too, with council B chosen in the header switcher
  const officer = await createPartnershipMember(world.councilB.id, "OFFICER");
  onB = `${await sessionCookieFor(officer.id)}; ${ORGANISATION_COOKIE}=${world.councilB.id}`;
  // an officer of a council outside the partnership
  const elsewhere = await createCouncil();
  outsider = await sessionCookieFor((await createMember(elsewhere.id, "OFFICER")).id);
});

const mainOf = (html: string) => html.slice(html.indexOf("<main"), html.indexOf("</main>"));
const hrefs = (html: string) =>
  [...mainOf(html).matchAll(/href="([^"]+)"/g)].map(([, href]) => href!.replaceAll("&amp;", "&"));
// the council's lists and pages; a single contract or request is found by its own council
const councilScoped = (href: string) =>
  /^\/(contracts|returns)(\?|$)/.test(href) ||
  (href.startsWith("/council/") && !/^\/council\/(settings|guidance|audit)/.test(href));

describe("the council dashboard asked for a council of the partnership", () => {
  it("shows that council's figures, not the switcher's", async () => {
    const response = await renderPage(`/council/dashboard?council=${world.councilA.id}`, onB);
    expect(response.status).toBe(200);
    const html = await response.text();
    const text = readableMainText(html);
    expect(text).toContain(world.councilA.name);
    expect(text).toContain(referenceOfA);
    expect(text).not.toContain(world.councilB.name);
    expect(text).not.toContain(referenceOfB);
  });

  it("names that council on every link to the council's pages and records", async () => {
    const html = await (await renderPage(`/council/dashboard?council=${world.councilA.id}`, onB)).text();
    const links = hrefs(html).filter(councilScoped);
    // the report, the awarded contracts, the measures, the queue, the marketplace figures...
    expect(links).toContain(`/council/reports?council=${world.councilA.id}`);
    expect(links).toContain(`/council/verification?council=${world.councilA.id}`);
    expect(links.some((href) => href.startsWith("/contracts?awardedSince="))).toBe(true);
    expect(links.some((href) => href.startsWith("/council/requests?"))).toBe(true);
    expect(links.some((href) => href.startsWith("/council/reports/local-value?"))).toBe(true);
    expect(links.length).toBeGreaterThan(10);
    const without = links.filter(
      (href) => new URL(href, "http://x").searchParams.get("council") !== world.councilA.id,
    );
    expect(without).toEqual([]);
    // asking for more or fewer contracts stays on it
    expect(html).toMatch(new RegExp(`<input type="hidden" name="council" value="${world.councilA.id}"`));
  });

  it("leads from its figures to that council's records, though the switcher is on the other", async () => {
    const html = await (await renderPage(`/council/dashboard?council=${world.councilA.id}`, onB)).text();
    const links = hrefs(html);
    for (const href of [
      links.find((h) => h.startsWith("/council/requests?"))!,
      links.find((h) => h.startsWith("/council/verification?"))!,
      links.find((h) => h.startsWith("/contracts?awardedSince="))!,
    ]) {
      const page = await renderPage(href, onB);
      expect(page.status, href).toBe(200);
      const text = readableMainText(await page.text());
      expect(text, href).toContain(world.councilA.name);
      expect(text, href).not.toContain(world.councilB.name);
    }
  });

  it("follows the header switcher when no council is named", async () => {
    const html = await (await renderPage("/council/dashboard", onB)).text();
    const text = readableMainText(html);
    expect(text).toContain(world.councilB.name);
    expect(text).toContain(referenceOfB);
    expect(text).not.toContain(referenceOfA);
    expect(hrefs(html)).toContain(`/council/reports?council=${world.councilB.id}`);
  });

  it("is 404 to an officer of a council outside the partnership, and shows nothing of it", async () => {
    const response = await renderPage(`/council/dashboard?council=${world.councilA.id}`, outsider);
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).not.toContain(world.councilA.name);
    expect(html).not.toContain(referenceOfA);
    // as the departmental report answers
    const report = await renderPage(`/council/reports?council=${world.councilA.id}`, outsider);
    expect(report.status).toBe(404);
  });
});
