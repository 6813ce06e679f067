// An officer on the council's pledges page (reached from one of the dashboard's "by type of help" figures) saw
// one type of help only, with no way to the others but back to the dashboard. The page now links to each other
// type of help, for the same view and dates.
import { expect, test } from "vitest";
import { createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

test("the council's pledges page links to its other types of help, keeping the view and dates", async () => {
  const world = await createWorld();
  const cookie = await sessionCookieFor(world.users.officerA.id);
  const html = await (
    await renderPage("/council/pledges?view=confirmed&helpType=GOODS&since=2026-01-05", cookie)
  ).text();
  for (const helpType of ["VOLUNTEERING", "EXPERTISE", "FUNDING", "WORK_PLACEMENT"])
    expect(html).toContain(
      `href="/council/pledges?view=confirmed&amp;helpType=${helpType}&amp;since=2026-01-05&amp;council=${world.councilA.id}"`,
    );
  // the type shown is not a link to itself
  expect(html).not.toContain(
    `href="/council/pledges?view=confirmed&amp;helpType=GOODS&amp;since=2026-01-05&amp;council=${world.councilA.id}"`,
  );
  const text = readableMainText(html);
  expect(text).toContain("Other types of help:");
  expect(text).toContain("Work placements and training");
});
