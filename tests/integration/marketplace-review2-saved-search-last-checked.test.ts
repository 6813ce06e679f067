// The daily digest run moves a saved search's lastDigestAt on whether or not it found anything new (nothing new:
// no email). The saved searches page showed that date as "Last email", so a supplier saw an email dated today
// that never came. It now says what the date is: when the search was last checked for new requests.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createSavedSearch, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;

beforeAll(async () => {
  world = await createWorld();
});

describe("the saved searches page", () => {
  it("does not call the last digest run's date the last email", { timeout: 120_000 }, async () => {
    const user = world.users.supplierOwner;
    const search = await createSavedSearch({
      userId: user.id,
      organisationId: world.supplier.id,
      filters: { q: "nothing-matches-this-word" },
    });
    // as the daily run leaves a search it found nothing new for: checked, no email queued
    const checkedAt = new Date("2026-11-30T07:00:00Z");
    await db.savedSearch.update({ where: { id: search.id }, data: { lastDigestAt: checkedAt } });
    expect(await db.emailOutbox.count({ where: { to: user.email, template: "marketplace.digest" } })).toBe(0);

    const response = await renderPage("/saved-searches", await sessionCookieFor(user.id));
    expect(response.status).toBe(200);
    const html = (await response.text()).replace(/<script[\s\S]*?<\/script>/g, "");
    expect(html).toContain("Last checked for new requests");
    // checked on 30 November, never emailed: the "Last emailed" column says so
    // the row: its name, what it finds, the daily email, last checked, last emailed
    expect(readableText(html)).toContain(
      "My search Search words: “nothing-matches-this-word” On 30 November 2026 Not yet",
    );
  });
});
