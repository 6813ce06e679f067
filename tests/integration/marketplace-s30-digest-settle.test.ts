// A request is published the moment its approval is made but seen only once that transaction commits. A digest
// that ran in between read up to "now" without it, and the next digest started after its publication moment:
// no digest ever listed it. Each digest now reads up to DIGEST_SETTLE_MS before it runs, and the next one starts
// from there.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { sendSavedSearchDigests } from "~/domain/marketplace/jobs.server.ts";
import { createSavedSearch, createWorld } from "../helpers/factories.ts";

const DAY = 24 * 60 * 60 * 1000;
let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

describe("a request approved while the daily digest runs", () => {
  it("is listed by the next digest", async () => {
    const user = world.users.supplierMember;
    const search = await createSavedSearch({
      userId: user.id,
      organisationId: world.supplier.id,
      filters: { q: "pademelon" },
    });
    await db.savedSearch.update({
      where: { id: search.id },
      data: { emailDigest: true, createdAt: new Date(Date.now() - 2 * DAY) },
    });
    const publishedAt = new Date();
    // the approval's transaction has set the publication moment but not committed when the digest runs
    await db.$transaction(
      async (tx) => {
        await tx.request.create({
          data: {
            councilId: world.councilA.id,
            organisationId: world.vcse.id,
            categoryId: world.category.id,
            title: "Pademelon feeding volunteers",
            description: "Help feed the pademelons.",
            helpType: "VOLUNTEERING",
            quantity: 10,
            neededBy: new Date(Date.now() + 30 * DAY),
            status: "OPEN",
            publishedAt,
          },
        });
        await sendSavedSearchDigests(new Date(publishedAt.getTime() + 1000));
      },
      { timeout: 60_000 },
    );
    const digests = () =>
      db.emailOutbox.findMany({ where: { template: "marketplace.digest", to: user.email } });
    expect(await digests()).toEqual([]);

    await sendSavedSearchDigests(new Date(publishedAt.getTime() + 1000 + DAY));
    const [digest, ...more] = await digests();
    expect(more).toEqual([]);
    expect(digest?.text).toContain("Pademelon feeding volunteers");
  });
});
