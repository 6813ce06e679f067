// The saved searches page says when each search's daily email last went: "Last emailed", a date or "Not yet".
// The date the daily run last checked a search moves on whether or not it found anything to email, so it
// cannot say that; the run now records the day it queued an email, and only then.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { formatDate } from "~/domain/format.ts";
import { sendSavedSearchDigests } from "~/domain/marketplace/jobs.server.ts";
import { createRequest, createSavedSearch, createWorld, sessionCookieFor } from "../helpers/factories.ts";
import { readableText, renderPage } from "../helpers/render-page.ts";

const DAY = 24 * 60 * 60 * 1000;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

async function savedSearch(name: string, q: string) {
  const search = await createSavedSearch({
    userId: world.users.supplierOwner.id,
    organisationId: world.supplier.id,
    filters: { q },
  });
  return db.savedSearch.update({
    where: { id: search.id },
    data: { name, emailDigest: true, createdAt: new Date(Date.now() - 2 * DAY) },
  });
}

describe("the saved searches page", () => {
  it("shows the day a search was last emailed, and 'Not yet' for one checked but never emailed", async () => {
    const emailed = await savedSearch("Quoll search", "quoll");
    const quiet = await savedSearch("Bilby search", "bilby");
    // a day before today, so the date shown is the run's and not the page's own today
    const now = new Date(Date.now() - DAY + 60 * 60 * 1000);
    await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      title: "Quoll habitat survey",
      publishedAt: new Date(now.getTime() - 60 * 60 * 1000),
    });
    await sendSavedSearchDigests(now);

    expect(await db.emailOutbox.count({ where: { template: "marketplace.digest" } })).toBe(1);
    const rows = await db.savedSearch.findMany({ where: { id: { in: [emailed.id, quiet.id] } } });
    const byId = new Map(rows.map((r) => [r.id, r]));
    expect(byId.get(emailed.id)).toMatchObject({ lastDigestAt: now, lastEmailedAt: now });
    // checked, nothing new: no email, and none recorded
    expect(byId.get(quiet.id)).toMatchObject({ lastDigestAt: now, lastEmailedAt: null });

    const response = await renderPage(
      "/saved-searches",
      await sessionCookieFor(world.users.supplierOwner.id),
    );
    expect(response.status).toBe(200);
    const text = readableText(await response.text());
    expect(text).toContain("Last emailed");
    const day = formatDate(now);
    expect(text).toMatch(new RegExp(`Quoll search Search words: “quoll” On ${day} ${day} Turn off email`));
    expect(text).toMatch(new RegExp(`Bilby search Search words: “bilby” On ${day} Not yet Turn off email`));
  });
});
