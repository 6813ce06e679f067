// The supplier dashboard's "Requests that fit your open commitments" are worked out with its delivery figures and
// shared for a minute (dashboard-cache.server.ts), so they can be up to two minutes behind the marketplace. The
// figures said when they were worked out ("Figures as at …"); the suggestions did not. They now say so in the same
// words, with the same time, whether or not any request fits.
import { beforeAll, describe, expect, it } from "vitest";
import {
  createCommitment,
  createContract,
  createMeasure,
  createMember,
  createOrganisation,
  createRequest,
  createWorld,
} from "../helpers/factories.ts";
import { pageHtmlAs, readableText } from "../helpers/render-page.ts";

let world: Awaited<ReturnType<typeof createWorld>>;

beforeAll(async () => {
  world = await createWorld();
});

// the "Requests that fit your open commitments" section alone
function suggestionsSection(html: string) {
  const start = html.indexOf('aria-labelledby="matching"');
  expect(start).toBeGreaterThan(-1);
  return readableText(html.slice(start, html.indexOf("</section>", start)));
}

const figuresTime = (html: string) =>
  readableText(html).match(/Figures as at (.+?); they are refreshed every minute\./)?.[1];

describe("the supplier dashboard's suggested requests", () => {
  it("say when they were worked out, as the figures do", async () => {
    const supplier = await createOrganisation({ kind: "SUPPLIER", councilId: world.councilA.id });
    const owner = await createMember(supplier.id, "OWNER");
    const measure = await createMeasure({
      councilId: world.councilA.id,
      contributingHelpTypes: ["VOLUNTEERING"],
    });
    const contract = await createContract({
      councilId: world.councilA.id,
      supplierOrganisationId: supplier.id,
    });
    await createCommitment({ contractId: contract.id, measureId: measure.id, targetQuantity: 500 });
    const fits = await createRequest({
      councilId: world.councilA.id,
      organisationId: world.vcse.id,
      categoryId: world.category.id,
      helpType: "VOLUNTEERING",
      quantity: 10,
      neededBy: new Date(Date.now() + 10 * 86_400_000),
      title: `Volunteers wanted ${Math.random().toString(36).slice(2, 8)}`,
    });
    const html = await pageHtmlAs("/dashboard", owner.id);
    const section = suggestionsSection(html);
    expect(section).toContain(fits.title);
    const time = figuresTime(html);
    expect(time).toBeDefined();
    expect(section).toContain(`Suggestions as at ${time}; they are refreshed every minute.`);
  });

  it("say so when none fit too (that answer is as old as the figures)", async () => {
    const html = await pageHtmlAs("/dashboard", world.users.supplierOwner.id);
    const section = suggestionsSection(html);
    expect(section).toContain("No open requests match your commitments at the moment.");
    expect(section).toContain(`Suggestions as at ${figuresTime(html)}; they are refreshed every minute.`);
  });
});
