// A page number past the end of a list (an old link, or the last request on a page just approved) says how many
// there are and links to the last page, keeping the list chosen. Before, it showed the list's empty message: "No
// requests are waiting for approval." to an officer with a queue, "You have not posted any requests yet." to a
// requestor with requests, "No requests." on the council's activity lists, "No emails yet." in the mailbox.
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server.ts";
import { enqueueEmail } from "~/email/outbox.server.ts";
import { createMember, createPledge, createRequest, createWorld } from "../helpers/factories.ts";
import { lastPageLink, pageHtmlAs } from "../helpers/render-page.ts";

type World = Awaited<ReturnType<typeof createWorld>>;
let world: World;

beforeAll(async () => {
  world = await createWorld();
  const base = { councilId: world.councilA.id, organisationId: world.vcse.id, categoryId: world.category.id };
  const open = await createRequest(base);
  await createRequest({ ...base, status: "SUBMITTED" });
  await createPledge({ requestId: open.id, supplierOrganisationId: world.supplier.id, status: "ACCEPTED" });
});

describe("a page past the end of a list", () => {
  it("of the requestor's requests says there is no such page, not that nothing was posted", async () => {
    const html = await pageHtmlAs("/my-requests?page=7", world.users.vcseOwner.id);
    expect(html).not.toContain("You have not posted any requests yet.");
    expect(html).toContain("There is no page 7: there are 2 requests, on 1 page.");
    expect(html).toContain('href="/my-requests"');
    expect(html).toMatch(lastPageLink("/my-requests"));
  });

  it("of the supplier's pledges keeps the state chosen in the link to the last page", async () => {
    const html = await pageHtmlAs("/pledges?status=ACCEPTED&page=3", world.users.supplierOwner.id);
    expect(html).not.toContain("You have no accepted pledges.");
    expect(html).toContain("There is no page 3: there is 1 pledge, on 1 page.");
    expect(html).toContain('href="/pledges?status=ACCEPTED"');
    expect(html).toMatch(lastPageLink("/pledges?status=ACCEPTED"));
  });

  it("of the moderation queue does not tell the officer the queue is empty", async () => {
    const html = await pageHtmlAs("/council/moderation?page=2", world.users.officerA.id);
    expect(html).not.toContain("No requests are waiting for approval.");
    expect(html).toContain("There is no page 2: there is 1 request waiting, on 1 page.");
    expect(html).toMatch(lastPageLink("/council/moderation"));
  });

  it("but an empty list still says it is empty", async () => {
    const html = await pageHtmlAs("/council/moderation?page=2", world.users.officerB.id);
    expect(html).toContain("No requests are waiting for approval.");
  });
});

describe("a page past the end of a council activity list", () => {
  it("of requests says there is no such page, keeping the list in the link to the last page", async () => {
    const html = await pageHtmlAs("/council/requests?view=opened&page=4", world.users.officerA.id);
    expect(html).not.toContain("No requests.");
    expect(html).toContain("There is no page 4: there is 1 request, on 1 page.");
    expect(html).toContain('href="/council/requests?view=opened"');
    expect(html).toMatch(lastPageLink("/council/requests?view=opened"));
  });

  it("of pledges says there is no such page, keeping the list in the link to the last page", async () => {
    const html = await pageHtmlAs(
      "/council/pledges?view=pledged&helpType=VOLUNTEERING&page=5",
      world.users.officerA.id,
    );
    expect(html).not.toContain("No pledges.");
    expect(html).toContain("There is no page 5: there is 1 pledge, on 1 page.");
    expect(html).toContain('href="/council/pledges?view=pledged&amp;helpType=VOLUNTEERING"');
    expect(html).toMatch(lastPageLink("/council/pledges?view=pledged&amp;helpType=VOLUNTEERING"));
  });

  it("but an empty list still says it is empty", async () => {
    const requests = await pageHtmlAs("/council/requests?page=2", world.users.officerB.id);
    expect(requests).toContain("No requests.");
    const pledges = await pageHtmlAs("/council/pledges?page=2", world.users.officerB.id);
    expect(pledges).toContain("No pledges.");
  });
});

describe("a page past the end of the platform admin's mailbox", () => {
  it("says how many emails there are instead of 'No emails yet.'", async () => {
    const admin = await createMember(world.councilA.id, "ADMIN", { isPlatformAdmin: true });
    await enqueueEmail(db, {
      to: "someone@example.test",
      subject: "Hello",
      text: "Hello",
      html: "<p>Hello</p>",
      template: "test",
    });
    const html = await pageHtmlAs("/admin/mailbox?page=5000", admin.id);
    expect(html).not.toContain("No emails yet.");
    expect(html).toMatch(/There is no page 5,000: there (is 1 email|are [\d,]+ emails), on [\d,]+ pages?\./);
  });
});
