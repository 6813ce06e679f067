// An officer of the request's council who is also a member of a supplier that pledged to it saw that pledge twice
// on the request's page: in the supplier's "has pledged to this request" list and again in the council's table of
// pledges. The table (every pledge, for oversight) now marks the supplier's own rows "your organisation", and the
// supplier's note points to it instead of listing them again. A supplier member alone keeps its own list.
import { beforeAll, describe, expect, it } from "vitest";
import { addMember, createMember, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";
import { pledgesText, requestWithTwoPledges } from "../helpers/request-with-two-pledges.ts";

let world: Awaited<ReturnType<typeof requestWithTwoPledges>>["world"];
let needId: string;
let pledgeIds: { own: string; other: string };
let officerAndSupplier: string;

beforeAll(async () => {
  ({ world, needId, pledgeIds } = await requestWithTwoPledges());
  const user = await createMember(world.councilA.id, "OFFICER");
  await addMember(world.supplier.id, user.id, "MEMBER");
  officerAndSupplier = await sessionCookieFor(user.id);
});

async function mainOfPageAs(cookie: string) {
  const page = await renderPage(`/requests/${needId}`, cookie);
  expect(page.status).toBe(200);
  const html = await page.text();
  return { html, text: pledgesText(html) };
}

const count = (text: string, part: string) => text.split(part).length - 1;

describe("the request page, to a council officer who is also a member of a pledging supplier", () => {
  it("lists each pledge once, in the council's table, marking the supplier's own", async () => {
    const { html, text } = await mainOfPageAs(officerAndSupplier);
    expect(count(html, `href="/pledges/${pledgeIds.own}"`)).toBe(1);
    expect(count(html, `href="/pledges/${pledgeIds.other}"`)).toBe(1);
    expect(text).toContain(`${world.supplier.name}’s pledge (your organisation) 4 hours accepted`);
    expect(text).toContain(`${world.otherSupplier.name}’s pledge 3 hours offered`);
    expect(text).not.toContain(`${world.otherSupplier.name}’s pledge (your organisation)`);
    expect(text).toContain(
      `${world.supplier.name} has pledged to this request: its pledge is marked “your organisation” in the pledges to this request below.`,
    );
    expect(html).toContain('href="#pledges-heading"');
    expect(html).toContain('id="pledges-heading"');
  });

  it("keeps the supplier's own list for a member of the supplier alone, with no table", async () => {
    const { html, text } = await mainOfPageAs(await sessionCookieFor(world.users.supplierMember.id));
    expect(count(html, `href="/pledges/${pledgeIds.own}"`)).toBe(1);
    expect(html).not.toContain(`href="/pledges/${pledgeIds.other}"`);
    expect(text).toContain(`${world.supplier.name} has pledged to this request:`);
    expect(text).not.toContain("your organisation");
    expect(text).not.toContain("Pledges to this request");
  });
});
