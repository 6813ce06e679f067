// The public guidance list and pages named any council with published guidance, whatever its state, while every
// other public list (requests, impact, case studies) names only verified councils: a council not yet verified (or
// no longer) was listed on /guidance with a link to its case studies that answered "not found", and its pages read
// as the council's own. Its guidance is now public only once the council is verified.
import crypto from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { createCouncil, createGuidancePage } from "../helpers/factories.ts";
import { readableMainText, renderPage } from "../helpers/render-page.ts";

const tag = crypto.randomUUID().slice(0, 8);
let pending: Awaited<ReturnType<typeof createCouncil>>;
let verified: Awaited<ReturnType<typeof createCouncil>>;

beforeAll(async () => {
  // named to come first on the public guidance list, whatever other tests add
  pending = await createCouncil({ name: `000 S32 Pending Council ${tag}` });
  await db.organisation.update({ where: { id: pending.id }, data: { status: "PENDING", verifiedAt: null } });
  verified = await createCouncil({ name: `000 S32 Verified Council ${tag}` });
  for (const council of [pending, verified]) {
    await createGuidancePage({ councilId: council.id, slug: "how-it-works", title: `How it works ${tag}` });
    await createGuidancePage({ councilId: council.id, slug: "case-studies", title: `Stories ${tag}` });
  }
});

describe("guidance of a council that is not verified", () => {
  it("is not on the public guidance list, while a verified council's is", async () => {
    const response = await renderPage("/guidance");
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(readableMainText(html)).toContain(verified.name);
    expect(readableMainText(html)).not.toContain(pending.name);
    expect(html).not.toContain(`/guidance/${pending.id}/`);
  });

  it.each(["how-it-works", "case-studies"])("answers not found for its page %s", async (slug) => {
    expect((await renderPage(`/guidance/${pending.id}/${slug}`)).status).toBe(404);
    expect((await renderPage(`/guidance/${verified.id}/${slug}`)).status).toBe(200);
  });
});
