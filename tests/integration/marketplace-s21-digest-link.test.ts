// A saved search's daily email lists only the new requests the supplier can pledge to, but its link opens the
// marketplace list of every open request the search matches since the last digest, which counts more (the
// supplier's own organisations' requests, those it pledged to already). The email said "See all 1 new
// requests" for a list of 2. It now says how many new requests since when, and that the link opens every
// matching open request, which may be more.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { formatDateTime } from "~/domain/format.ts";
import { sendSavedSearchDigests, DIGEST_SETTLE_MS } from "~/domain/marketplace/jobs.server.ts";
import { loader as listLoader } from "~/routes/requests._index.tsx";
import { createPledge, createRequest, createSavedSearch, createWorld } from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

const DAY = 24 * 60 * 60 * 1000;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

describe("the daily digest's link to the marketplace", () => {
  it("says how many new requests since when, and that the link opens every matching open request", async () => {
    const user = world.users.supplierOwner;
    const search = await createSavedSearch({
      userId: user.id,
      organisationId: world.supplier.id,
      filters: { q: "potoroo" },
    });
    const lastDigestAt = new Date(Date.now() - DAY);
    await db.savedSearch.update({
      where: { id: search.id },
      data: { name: "Potoroos", lastDigestAt, createdAt: new Date(Date.now() - 3 * DAY) },
    });
    const base = {
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
    };
    await createRequest({ ...base, title: "Potoroo fencing", publishedAt: new Date(Date.now() - 60_000) });
    const pledged = await createRequest({
      ...base,
      title: "Potoroo feeding already pledged",
      publishedAt: new Date(Date.now() - 120_000),
    });
    await createPledge({ requestId: pledged.id, supplierOrganisationId: world.supplier.id });

    await sendSavedSearchDigests(new Date(Date.now() + DIGEST_SETTLE_MS));
    const [digest] = await db.emailOutbox.findMany({
      where: { template: "marketplace.digest", to: user.email },
    });
    // the window starts where the last digest's ended, DIGEST_SETTLE_MS before it ran
    const when = formatDateTime(new Date(lastDigestAt.getTime() - DIGEST_SETTLE_MS));
    expect(digest.text).toContain(
      `1 new request since ${when} matches “Potoroos” and is open to your pledges.`,
    );
    expect(digest.text).toContain("Potoroo fencing");
    expect(digest.text).not.toContain("Potoroo feeding already pledged");
    expect(digest.text).toContain(`See all open requests matching “Potoroos” since ${when}`);
    expect(digest.text).toContain("any you cannot pledge to");
    expect(digest.text).not.toMatch(/See (it|them) in the marketplace|See all 1 new/);

    // what the link opens: every matching open request since the last digest, the pledged one too
    const link = digest.text.match(/\/requests\?[^\s)\]>"]+/)![0];
    const listed = await jsonOf<{ requests: { title: string }[]; total: number }>(
      await callLoader(listLoader, { path: link }),
    );
    expect(listed.total).toBe(2);
    expect(listed.requests.map((r) => r.title).sort()).toEqual([
      "Potoroo feeding already pledged",
      "Potoroo fencing",
    ]);
  });

  it("writes many new requests in the plural, and says these are the newest listed", async () => {
    const { savedSearchDigestEmail } = await import("~/email/templates/marketplace-digest.tsx");
    const email = await savedSearchDigestEmail({
      searchName: "Laptops",
      searchUrl: "https://example.test/requests?q=laptops",
      since: new Date("2026-12-01T07:00:00Z"),
      manageUrl: "https://example.test/saved-searches",
      requests: [{ title: "One", url: "https://example.test/requests/1", summary: "Goods" }],
      total: 1204,
    });
    expect(email.text).toContain(
      "1,204 new requests since 1 December 2026 at 7am match “Laptops” and are open to your pledges. These are the newest 1:",
    );
    expect(email.text).toContain("See all open requests matching “Laptops” since 1 December 2026 at 7am");
  });
});
