// A requestor who withdraws its case-study consent is off the public impact page at once, though the page's
// figures are shared for a minute (and served stale while they are worked out again).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { db } from "~/db.server.ts";
import { createPledge, createRequest, createWorld } from "../helpers/factories.ts";
import { callLoader, jsonOf } from "../helpers/routes.ts";

type ImpactLoader = typeof import("~/routes/impact._index.tsx").loader;
let impactLoader: ImpactLoader;
let requestId: string;

beforeAll(async () => {
  // the figures are cached as in production (tests turn the cache off)
  vi.stubEnv("NODE_ENV", "production");
  vi.resetModules();
  impactLoader = (await import("~/routes/impact._index.tsx")).loader;
  vi.unstubAllEnvs();
  const world = await createWorld();
  const request = await createRequest({
    councilId: world.councilA.id,
    organisationId: world.vcse.id,
    categoryId: world.category.id,
    title: "Consented then withdrawn garden makeover",
    status: "FULFILLED",
    showcaseConsent: true,
  });
  requestId = request.id;
  await createPledge({ requestId, supplierOrganisationId: world.supplier.id, status: "CONFIRMED" });
});

afterAll(() => {
  vi.unstubAllEnvs();
});

const stories = async () =>
  (await jsonOf<{ stories: { id: string }[] }>(await callLoader(impactLoader, { path: "/impact" }))).stories;

describe("a case study whose requestor withdrew consent", () => {
  it("leaves the public impact page on the next view, not when the shared figures next refresh", async () => {
    expect((await stories()).map((s) => s.id)).toContain(requestId);
    // the requestor unticks "Show this request as a case study" (requests.$id.manage, intent showcase)
    await db.request.update({ where: { id: requestId }, data: { showcaseConsent: false } });
    expect((await stories()).map((s) => s.id)).not.toContain(requestId);
  });
});
