// A page that refuses what its address asks for (a filter or a report's choice) shows an error summary, but kept its
// plain title: the "Error: " the GOV.UK pattern asks for followed only forms sent back by an action. A loader's
// refusal (its `errors`) now counts too, so a screen reader says so first when the page loads.
import { beforeAll, describe, expect, it } from "vitest";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { renderPage } from "../helpers/render-page.ts";

const titles = (html: string) => [...html.matchAll(/<title>([^<]*)<\/title>/g)].map((m) => m[1]);

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

const pages = [
  {
    page: "the audit log",
    user: () => world.users.councilAdmin.id,
    refused: "/council/audit?from=2026-12-07&to=2026-12-01",
    shown: "/council/audit?from=2026-12-01&to=2026-12-07",
    title: "Audit log – Social Value Marketplace",
  },
  {
    page: "the departmental report",
    user: () => world.users.officerA.id,
    refused: "/council/reports?quarter=2026-Q9",
    shown: "/council/reports",
    title: "Quarterly departmental report – Social Value Marketplace",
  },
];

describe("the title of a page that refuses its address's choices", () => {
  it.each(pages)(
    "starts with 'Error: ' on $page with its error summary",
    async ({ user, refused, title }) => {
      const html = await (await renderPage(refused, await sessionCookieFor(user()))).text();
      expect(html).toContain("There is a problem");
      expect(titles(html)).toEqual([`Error: ${title}`]);
    },
  );

  it.each(pages)("stays plain on $page when nothing is refused", async ({ user, shown, title }) => {
    const html = await (await renderPage(shown, await sessionCookieFor(user()))).text();
    expect(html).not.toContain("There is a problem");
    expect(titles(html)).toEqual([title]);
  });
});
