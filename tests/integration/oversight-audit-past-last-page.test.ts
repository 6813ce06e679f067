// A page of the audit log past its end (an old link, a page number typed in the address) says how many entries
// match and links to the last page with the same filters. Before, it said "No entries match these filters.",
// telling a council admin looking into something that nothing had been recorded.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { closeRateLimits } from "~/auth/rate-limit.server.ts";
import { writeAudit } from "~/domain/audit/audit.server.ts";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

afterAll(() => closeRateLimits());

let world: Awaited<ReturnType<typeof createWorld>>;
let admin: string;
beforeAll(async () => {
  world = await createWorld();
  admin = await sessionCookieFor(world.users.councilAdmin.id);
  for (const name of ["Employment", "Environment", "Health"])
    await writeAudit({
      actorUserId: world.users.councilAdmin.id,
      organisationId: world.councilA.id,
      actorOrganisationId: world.councilA.id,
      action: "category.create",
      entityType: "Category",
      details: { name },
    });
});

async function render(search: string) {
  const response = await renderPage(`/council/audit?${search}`, admin);
  expect(response.status).toBe(200);
  return (await response.text()).replace(/<!-- -->/g, "");
}

describe("a page past the end of the audit log", () => {
  it("says how many entries match and links to the last page, keeping the filters", async () => {
    const html = await render("action=category.create&page=4");
    expect(html).not.toContain("No entries match these filters.");
    expect(html).toContain("There is no page 4: there are 3 entries, on 1 page.");
    expect(html).toMatch(
      /<a [^>]*href="\/council\/audit\?action=category.create">Go to page 1, the last page<\/a>/,
    );
  });

  it("but filters that match nothing still say so", async () => {
    const html = await render("action=category.create&from=2099-01-01&page=4");
    expect(html).toContain("No entries match these filters.");
  });
});
