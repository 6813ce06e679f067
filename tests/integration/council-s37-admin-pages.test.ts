// Council admin pages, session 37: a settings hint that says the contact address is public; districts that
// share a postcode area (saved before decision 040) named on the districts page; an audit log count that says
// which filters were not applied; and a switch to an organisation the user is not a member of answered with a
// page in the site's layout, not a bare "Not found".
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { createDistrict, createWorldSignedInAs, unique, type World } from "../helpers/factories.ts";
import { formOf, postPage, readableMainText, renderPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

let world: World;
let admin: string;

beforeAll(async () => {
  ({ world, cookie: admin } = await createWorldSignedInAs("councilAdmin"));
});

async function mainText(location: string) {
  const response = await renderPage(location, admin);
  expect(response.status).toBe(200);
  return readableMainText(await response.text());
}

describe("the council settings page", () => {
  it("tells the admin the team email address is shown publicly, so to use a shared one", async () => {
    const text = await mainText("/council/settings");
    expect(text).toContain("Shown to anyone on the public accessibility and privacy pages");
    expect(text).toContain("use a shared team address, not a personal one");
  });
});

describe("districts sharing a postcode area", () => {
  it("are named on the districts page, with each shared area", async () => {
    const north = unique("North");
    const south = unique("South");
    const retired = unique("Old");
    await createDistrict(world.councilA.id, north, ["ZE1", "ZE2", "ZE3"]);
    await createDistrict(world.councilA.id, south, ["ZE2", "ZE4"]);
    const old = await createDistrict(world.councilA.id, retired, ["ZE3"]);
    const { db } = await import("~/db.server.ts");
    await db.district.update({ where: { id: old.id }, data: { active: false } });
    // another council's district may use the same area (decision 040)
    await createDistrict(world.councilB.id, unique("Elsewhere"), ["ZE4"]);
    const text = await mainText("/council/districts");
    expect(text).toContain("Postcode areas are in more than one district");
    expect(text).toContain(`ZE2 is in “${north}” and “${south}”`);
    expect(text).toContain(`ZE3 is in “${north}” and “${retired}”`);
    expect(text).not.toContain("ZE4 is in");
    expect(text).not.toContain("ZE1 is in");
  });
});

describe("the audit log with a filter it cannot use", () => {
  it("shows the date's problem beside it, and the count says the filter was not applied", async () => {
    await writeAudit({
      actorUserId: world.users.councilAdmin.id,
      organisationId: world.councilA.id,
      actorOrganisationId: world.councilA.id,
      action: "category.create",
      entityType: "Category",
      details: { name: "Employment" },
    });
    const response = await renderPage("/council/audit?from=2026-13-45", admin);
    expect(response.status).toBe(200);
    const html = (await response.text()).replace(/<!-- -->/g, "");
    expect(html).toMatch(/<p id="from-error"[^>]*><span class="sr-only">Error: <\/span>[^<]+<\/p>/);
    const status = /<h2 id="results-heading"[^>]*>([^<]*)<\/h2>/.exec(html)?.[1] ?? "";
    expect(status).toMatch(
      /^[\d,]+ entr(y|ies) without the “From” filter, which has a problem: correct it above and apply the filters again$/,
    );
    const both = (
      await renderPage("/council/audit?from=2026-13-45&to=31%2F02%2F2026", admin).then((r) => r.text())
    ).replace(/<!-- -->/g, "");
    expect(/<h2 id="results-heading"[^>]*>([^<]*)<\/h2>/.exec(both)?.[1]).toContain(
      "without the “From” and “To” filters, which have problems: correct them above",
    );
    // filters that work say nothing more
    const fine = (await renderPage("/council/audit?from=2026-01-01", admin).then((r) => r.text())).replace(
      /<!-- -->/g,
      "",
    );
    expect(/<h2 id="results-heading"[^>]*>([^<]*)<\/h2>/.exec(fine)?.[1]).toMatch(/^[\d,]+ entr(y|ies)$/);
  });
});

describe("switching to an organisation that is not the user's", () => {
  it("is answered 404 with a page saying so in the site's layout, linking to their organisations", async () => {
    const response = await postPage(
      "/switch-organisation",
      formOf({ organisationId: world.vcse.id, redirectTo: "/council/dashboard" }),
      admin,
    );
    expect(response.status).toBe(404);
    const html = await response.text();
    expect(html).toContain(
      "<title>You cannot switch to that organisation – Social Value Marketplace</title>",
    );
    const text = readableMainText(html);
    expect(text).toContain("You cannot switch to that organisation");
    expect(text).toContain("You are not a member of the organisation you chose, or it no longer exists");
    expect(html).toContain('href="/organisations"');
  });

  it("still switches to one of the user's own organisations", async () => {
    const response = await postPage(
      "/switch-organisation",
      formOf({ organisationId: world.councilA.id, redirectTo: "/council/dashboard" }),
      admin,
    );
    expect(response.status).toBe(302);
    expect(response.headers.get("location")).toBe("/council/dashboard");
  });
});
